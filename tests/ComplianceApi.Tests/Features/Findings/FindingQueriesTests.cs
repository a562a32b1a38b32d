using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Findings;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Findings;

/// <summary>GET /findings filtered on themselves and on the responses to them as of a date, sorted and paged.</summary>
public sealed class FindingQueriesTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Findings_are_filtered_on_themselves_and_on_forces_responses_as_of_a_date(Provider provider)
    {
        var host = await hosts.For(provider);
        var s = await QueryScenario.CreateAsync(host);
        var admin = host.AdminClient();
        Guid r8 = s.Recommendation8.Id, r3 = s.Recommendation3.Id, afi = s.AreaForImprovement.Id;

        async Task<Guid[]> Listed(string filters)
        {
            var page = await admin.GetAsync<Page<FindingView>>($"/api/v1/findings?inspectionId={s.InspectionId}&asOf={QueryScenario.AsOf}{filters}");
            Assert.Equal(page.Items.Count, page.TotalCount);
            return [.. page.Items.Select(f => f.Id)];
        }

        Assert.Equal(new[] { r8, r3, afi }, await Listed(""));
        Assert.Equal([afi], await Listed("&kind=AreaForImprovement"));
        Assert.Equal([afi], await Listed("&businessArea=Custody&addresseeKind=Force"));
        Assert.Equal(new[] { r8, r3 }, await Listed("&forceCode=bch"));
        Assert.Equal([r3], await Listed("&status=NotAssessed"));
        Assert.Equal([afi], await Listed("&rag=Red"));
        Assert.Equal(new[] { r8, r3 }, await Listed("&derivedRag=Red"));
        Assert.Equal([r8], await Listed("&derivedRag=Green"));
        Assert.Equal([r3], await Listed("&forceCode=bch&derivedRag=Amber"));
        Assert.Equal(new[] { r8, afi }, await Listed("&owner=melling"));
        Assert.Equal(new[] { r8, r3 }, await Listed("&overdue=true"));
        Assert.Empty(await Listed($"&forceCode={Lancashire}&overdue=true"));
        Assert.Equal([r3], await Listed("&dueWithinDays=13"));
        Assert.Equal([r3], await Listed("&dueFrom=2015-11-01"));
        Assert.Equal([r8], await Listed("&q=NSPIS"));
        Assert.Equal([r3], await Listed("&q=by november"));
        var august = await admin.GetAsync<Page<FindingView>>($"/api/v1/findings?inspectionId={s.InspectionId}&asOf=2015-08-01&status=NotAssessed");
        Assert.Equal(0, august.TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Findings_sort_by_due_date_or_inspection_page_after_page(Provider provider)
    {
        var host = await hosts.For(provider);
        var s = await QueryScenario.CreateAsync(host);
        var admin = host.AdminClient();

        async Task<Guid[]> Sorted(string sort)
        {
            var url = $"/api/v1/findings?inspectionId={s.InspectionId}&sort={sort}&limit=1";
            var first = await admin.GetAsync<Page<FindingView>>(url);
            var second = await admin.GetAsync<Page<FindingView>>($"{url}&cursor={first.NextCursor}");
            var third = await admin.GetAsync<Page<FindingView>>($"{url}&cursor={second.NextCursor}");
            Assert.Null(third.NextCursor);
            return [.. first.Items.Concat(second.Items).Concat(third.Items).Select(f => f.Id)];
        }

        Assert.Equal([s.Recommendation8.Id, s.Recommendation3.Id, s.AreaForImprovement.Id], await Sorted("DueDate"));
        Assert.Equal([s.AreaForImprovement.Id, s.Recommendation3.Id, s.Recommendation8.Id], await Sorted("Inspection"));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Response_filters_see_only_the_responses_a_force_scoped_key_may_see(Provider provider)
    {
        var host = await hosts.For(provider);
        var s = await QueryScenario.CreateAsync(host);
        var lancashire = await host.ClientAsync(ApiKeyRole.Reader, Lancashire);

        var notAssessed = await lancashire.GetAsync<Page<FindingView>>($"/api/v1/findings?inspectionId={s.InspectionId}&asOf={QueryScenario.AsOf}&status=NotAssessed");
        var amber = await lancashire.GetAsync<Page<FindingView>>($"/api/v1/findings?inspectionId={s.InspectionId}&asOf={QueryScenario.AsOf}&derivedRag=Amber");

        Assert.Equal(0, notAssessed.TotalCount);
        Assert.Equal([s.AreaForImprovement.Id], amber.Items.Select(f => f.Id));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Finding_filter_and_sort_values_the_service_does_not_know_are_refused_on_their_fields(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        async Task<string[]> Refused(string query) =>
            [.. (await (await admin.GetAsync($"/api/v1/findings?{query}", TestContext.Current.CancellationToken))
                .ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.Order()];

        Assert.Equal(["sort"], await Refused("sort=Force"));
        Assert.Equal(["kind"], await Refused("kind=Suggestion"));
        Assert.Equal(["forceCode"], await Refused("forceCode=atlantis"));
        Assert.Equal(["cursor", "limit"], await Refused("limit=500&cursor=bm90LW91cnM"));
    }
}
