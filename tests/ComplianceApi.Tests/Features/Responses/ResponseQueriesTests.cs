using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Responses;

/// <summary>GET /responses: every filter and sort on the state of a date, cursors that stay stable, counts, and scope.</summary>
public sealed class ResponseQueriesTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Responses_are_filtered_on_their_findings_and_on_their_state_as_of_a_date(Provider provider)
    {
        var host = await hosts.For(provider);
        var s = await QueryScenario.CreateAsync(host);
        var admin = host.AdminClient();

        async Task<Guid[]> Listed(string filters)
        {
            var page = await admin.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?inspectionId={s.InspectionId}&asOf={QueryScenario.AsOf}{filters}");
            Assert.Equal(page.Items.Count, page.TotalCount);
            return [.. page.Items.Select(r => r.Id)];
        }

        Assert.Equal([s.CityR8.Id, s.LancashireR8.Id, s.BedfordshireR3.Id, s.CambridgeshireR3.Id, s.LancashireAfi.Id], await Listed(""));
        Assert.Equal([s.CityR8.Id, s.LancashireR8.Id], await Listed($"&findingId={s.Recommendation8.Id}"));
        Assert.Equal([s.LancashireAfi.Id], await Listed("&findingKind=AreaForImprovement"));
        Assert.Equal([s.LancashireAfi.Id], await Listed("&addresseeKind=Force"));
        Assert.Equal([s.LancashireAfi.Id], await Listed("&businessArea=Custody"));
        Assert.Equal([s.BedfordshireR3.Id, s.CambridgeshireR3.Id], await Listed("&forceCode=bch"));
        Assert.Equal([s.LancashireR8.Id, s.LancashireAfi.Id], await Listed($"&forceCode={Lancashire}"));
        Assert.Equal([s.BedfordshireR3.Id], await Listed("&status=NotAssessed"));
        Assert.Equal([s.LancashireAfi.Id], await Listed("&rag=Red"));
        Assert.Equal([s.CityR8.Id, s.BedfordshireR3.Id], await Listed("&derivedRag=Red"));
        Assert.Equal([s.LancashireR8.Id], await Listed("&derivedRag=Green"));
        Assert.Equal([s.CambridgeshireR3.Id, s.LancashireAfi.Id], await Listed("&derivedRag=Amber"));
        Assert.Equal([s.LancashireR8.Id, s.LancashireAfi.Id], await Listed("&owner=CARL"));
        Assert.Equal([s.CityR8.Id, s.BedfordshireR3.Id], await Listed("&overdue=true"));
        Assert.Equal([s.LancashireR8.Id, s.CambridgeshireR3.Id, s.LancashireAfi.Id], await Listed("&overdue=false"));
        Assert.Equal([s.CambridgeshireR3.Id], await Listed("&dueWithinDays=13"));
        Assert.Empty(await Listed("&dueWithinDays=12"));
        Assert.Equal([s.BedfordshireR3.Id], await Listed("&dueFrom=2015-11-01&dueTo=2015-12-31"));
        Assert.Equal([s.CityR8.Id], await Listed("&q=nspis"));
        Assert.Equal([s.CityR8.Id, s.LancashireR8.Id], await Listed("&q=END OF THE REVIEW PERIOD"));
        Assert.Equal([s.CambridgeshireR3.Id], await Listed("&forceCode=bch&status=InProgress&derivedRag=Amber&dueWithinDays=30"));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_flags_in_a_list_are_those_of_its_date(Provider provider)
    {
        var host = await hosts.For(provider);
        var s = await QueryScenario.CreateAsync(host);
        var admin = host.AdminClient();

        var page = await admin.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?inspectionId={s.InspectionId}&asOf={QueryScenario.AsOf}");
        var byId = page.Items.ToDictionary(r => r.Id);
        var september = await admin.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?inspectionId={s.InspectionId}&asOf=2015-09-30");

        Assert.Equal((true, 189, Rag.Red, true), (byId[s.CityR8.Id].IsOverdue, byId[s.CityR8.Id].DaysOverdue, byId[s.CityR8.Id].DerivedRag!.Value, byId[s.CityR8.Id].RagDisagrees));
        Assert.Equal((Rag.Green, false), (byId[s.LancashireR8.Id].DerivedRag!.Value, byId[s.LancashireR8.Id].RagDisagrees));
        Assert.Equal((new DateOnly(2016, 1, 20), 13), (byId[s.CambridgeshireR3.Id].DueDate!.Value, byId[s.CambridgeshireR3.Id].DaysUntilDue!.Value));
        Assert.Equal((Rag.Red, Rag.Amber, true), (byId[s.LancashireAfi.Id].Rag!.Value, byId[s.LancashireAfi.Id].DerivedRag!.Value, byId[s.LancashireAfi.Id].RagDisagrees));
        Assert.Equal([s.BedfordshireR3.Id], september.Items.Select(r => r.Id));
        Assert.Equal((ResponseStatus.NotAssessed, false, 61), (september.Items[0].Status, september.Items[0].IsOverdue, september.Items[0].DaysUntilDue!.Value));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Responses_sort_by_due_date_days_overdue_force_and_inspection_page_after_page(Provider provider)
    {
        var host = await hosts.For(provider);
        var s = await QueryScenario.CreateAsync(host);
        var admin = host.AdminClient();

        async Task<Guid[]> Sorted(string sort)
        {
            var url = $"/api/v1/responses?inspectionId={s.InspectionId}&asOf={QueryScenario.AsOf}&sort={sort}&limit=2";
            var ids = new List<Guid>();
            string? cursor = null;
            do
            {
                var page = await admin.GetAsync<Page<ForceResponseView>>(cursor is null ? url : $"{url}&cursor={cursor}");
                Assert.Equal(5, page.TotalCount);
                ids.AddRange(page.Items.Select(r => r.Id));
                cursor = page.NextCursor;
            }
            while (cursor is not null);
            return [.. ids];
        }

        Assert.Equal([s.CityR8.Id, s.LancashireR8.Id, s.BedfordshireR3.Id, s.CambridgeshireR3.Id, s.LancashireAfi.Id], await Sorted("Recorded"));
        Assert.Equal([s.CityR8.Id, s.LancashireR8.Id, s.BedfordshireR3.Id, s.CambridgeshireR3.Id, s.LancashireAfi.Id], await Sorted("DueDate"));
        Assert.Equal([s.CityR8.Id, s.BedfordshireR3.Id, s.LancashireR8.Id, s.CambridgeshireR3.Id, s.LancashireAfi.Id], await Sorted("DaysOverdue"));
        Assert.Equal([s.BedfordshireR3.Id, s.CambridgeshireR3.Id, s.CityR8.Id, s.LancashireR8.Id, s.LancashireAfi.Id], await Sorted("Force"));
        Assert.Equal([s.LancashireAfi.Id, s.BedfordshireR3.Id, s.CambridgeshireR3.Id, s.CityR8.Id, s.LancashireR8.Id], await Sorted("Inspection"));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_cursor_continues_where_its_page_ended_while_responses_are_added(Provider provider)
    {
        var host = await hosts.For(provider);
        var s = await QueryScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var url = $"/api/v1/responses?inspectionId={s.InspectionId}&asOf={QueryScenario.AsOf}&sort=DueDate&limit=2";
        var first = await admin.GetAsync<Page<ForceResponseView>>(url);

        // One due before the first page ended, one due after it: only the later one can appear further on.
        var dueInJune = await admin.CreateFindingAsync(s.InspectionId, FindingTestData.Recommendation("Recommendation 1", dueDate: new DateOnly(2015, 6, 1)));
        var earlier = await admin.CreateResponseAsync(dueInJune.Id, Response("cheshire") with { EffectiveOn = new DateOnly(2015, 8, 1) });
        var later = await admin.CreateResponseAsync(s.Recommendation3.Id, Response("hertfordshire") with { EffectiveOn = new DateOnly(2015, 8, 1) });
        var second = await admin.GetAsync<Page<ForceResponseView>>($"{url}&cursor={first.NextCursor}");
        var third = await admin.GetAsync<Page<ForceResponseView>>($"{url}&cursor={second.NextCursor}");

        Assert.Equal([s.CityR8.Id, s.LancashireR8.Id], first.Items.Select(r => r.Id));
        Assert.Equal((5, 7), (first.TotalCount, second.TotalCount));
        var rest = second.Items.Concat(third.Items).Select(r => r.Id).ToArray();
        Assert.Equal([s.BedfordshireR3.Id, later.Id, s.CambridgeshireR3.Id, s.LancashireAfi.Id], rest);
        Assert.DoesNotContain(earlier.Id, rest);
        Assert.Null(third.NextCursor);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_scoped_key_lists_and_counts_only_its_own_forces_responses(Provider provider)
    {
        var host = await hosts.For(provider);
        var s = await QueryScenario.CreateAsync(host);
        var lancashire = await host.ClientAsync(ApiKeyRole.Reader, Lancashire);

        var all = await lancashire.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?inspectionId={s.InspectionId}&asOf={QueryScenario.AsOf}&sort=DaysOverdue");
        var city = await lancashire.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?inspectionId={s.InspectionId}&forceCode={CityOfLondon}");
        var overdue = await lancashire.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?inspectionId={s.InspectionId}&asOf={QueryScenario.AsOf}&overdue=true");

        Assert.Equal(2, all.TotalCount);
        Assert.Equal([s.LancashireR8.Id, s.LancashireAfi.Id], all.Items.Select(r => r.Id));
        Assert.Equal(0, city.TotalCount);
        Assert.Equal(0, overdue.TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Filter_and_sort_values_the_service_does_not_know_are_refused_on_their_fields(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        async Task<string[]> Refused(string query) =>
            [.. (await (await admin.GetAsync($"/api/v1/responses?{query}", TestContext.Current.CancellationToken))
                .ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys];

        var dueDateCursor = (await admin.GetAsync<Page<ForceResponseView>>("/api/v1/responses?sort=DueDate&limit=1")).NextCursor;

        Assert.Equal(["sort"], await Refused("sort=Sideways"));
        Assert.Equal(["status"], await Refused("status=Pending"));
        Assert.Equal(["derivedRag"], await Refused("derivedRag=Purple"));
        Assert.Equal(["asOf"], await Refused("asOf=21-10-2015"));
        Assert.Equal(["overdue"], await Refused("overdue=maybe"));
        Assert.Equal(["dueWithinDays"], await Refused("dueWithinDays=-1"));
        Assert.Equal(["dueTo"], await Refused("dueFrom=2016-01-01&dueTo=2015-01-01"));
        Assert.Equal(["forceCode"], await Refused("forceCode=atlantis"));
        Assert.Equal(["cursor"], await Refused($"sort=Force&cursor={dueDateCursor}"));
    }
}
