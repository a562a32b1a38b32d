using ComplianceApi.Data.Responses;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.Inspections;
using ComplianceApi.Features.Responses;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Responses;

/// <summary>
/// Today's lists judge a response on the due date it keeps (the re-baselined target, else its finding's):
/// each change to either answers right in the overdue and due-between lists at once.
/// </summary>
public sealed class ResponseDueDatesTests(TestHosts hosts)
{
    private static readonly DateOnly FarFuture = new(2099, 12, 31);

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_finding_whose_deadline_is_brought_forward_puts_its_open_responses_on_the_overdue_list_at_once(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        var request = FindingTestData.Recommendation("Recommendation 1", deadlineText: "by December 2099", dueDate: FarFuture);
        var finding = await admin.CreateFindingAsync(inspection.Id, request);
        var city = await admin.CreateResponseAsync(finding.Id, Response(CityOfLondon));
        var lancashire = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        await Rebaseline(admin, lancashire.Id, new DateOnly(2099, 6, 30));
        Assert.Empty(await Listed(admin, inspection.Id, "&overdue=true"));

        await (await admin.PutJsonAsync($"/api/v1/findings/{finding.Id}", FindingTestData.ByNovember2015("Recommendation 1")))
            .ReadAsync<FindingView>();

        var overdue = await admin.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?inspectionId={inspection.Id}&overdue=true");
        Assert.Equal([city.Id], overdue.Items.Select(r => r.Id));
        Assert.Equal((1, new DateOnly(2015, 11, 30)), (overdue.TotalCount, overdue.Items[0].DueDate!.Value));

        // The force's own target stands however the finding's deadline moves.
        Assert.Equal([lancashire.Id], await Listed(admin, inspection.Id, "&dueFrom=2099-06-30&dueTo=2099-06-30"));
        Assert.Equal([city.Id, lancashire.Id], await Listed(admin, inspection.Id, "&sort=DueDate"));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Correcting_a_reports_publication_date_moves_its_responses_due_dates_in_the_lists_at_once(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var request = FindingTestData.BuildingThePicture();
        var inspection = await admin.CreateInspectionAsync(request);
        var relative = await admin.CreateFindingAsync(inspection.Id,
            FindingTestData.Recommendation("Recommendation 9", deadlineText: "within six months") with { DueDate = null });
        var fixedDate = await admin.CreateFindingAsync(inspection.Id, FindingTestData.ByNovember2015("Recommendation 1"));
        var followsPublication = await admin.CreateResponseAsync(relative.Id, Response(CityOfLondon));
        var stays = await admin.CreateResponseAsync(fixedDate.Id, Response(CityOfLondon));
        Assert.Equal([followsPublication.Id], await Listed(admin, inspection.Id, "&dueFrom=2016-01-02&dueTo=2016-01-02"));

        await (await admin.PutJsonAsync($"/api/v1/inspections/{inspection.Id}", request with { PublishedOn = new DateOnly(2015, 7, 9) }))
            .ReadAsync<InspectionView>();

        Assert.Empty(await Listed(admin, inspection.Id, "&dueFrom=2016-01-02&dueTo=2016-01-02"));
        Assert.Equal([followsPublication.Id], await Listed(admin, inspection.Id, "&dueFrom=2016-01-09&dueTo=2016-01-09"));
        Assert.Equal([stays.Id, followsPublication.Id], await Listed(admin, inspection.Id, "&overdue=true&sort=DueDate"));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_re_baselined_response_leaves_the_overdue_list_at_once_and_is_due_on_its_new_target(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        var finding = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation());
        var city = await admin.CreateResponseAsync(finding.Id, Response(CityOfLondon));
        var lancashire = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        Assert.Equal([city.Id, lancashire.Id], await Listed(admin, inspection.Id, "&overdue=true"));

        await Rebaseline(admin, city.Id, FarFuture);

        Assert.Equal([lancashire.Id], await Listed(admin, inspection.Id, "&overdue=true"));
        Assert.Equal([city.Id], await Listed(admin, inspection.Id, "&overdue=false"));
        Assert.Equal([city.Id], await Listed(admin, inspection.Id, $"&dueFrom={FarFuture:yyyy-MM-dd}"));
        Assert.Equal([lancashire.Id, city.Id], await Listed(admin, inspection.Id, "&sort=DueDate"));
    }

    private static async Task<Guid[]> Listed(HttpClient client, Guid inspectionId, string filters)
    {
        var page = await client.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?inspectionId={inspectionId}{filters}");
        Assert.Equal(page.Items.Count, page.TotalCount);
        return [.. page.Items.Select(r => r.Id)];
    }

    private static async Task Rebaseline(HttpClient client, Guid responseId, DateOnly newTarget) =>
        await (await client.PostJsonAsync($"/api/v1/responses/{responseId}/target-date-changes",
            new TargetDateChangeRequest(newTarget, "Awaiting the new records management system", null)))
            .ReadAsync<TargetDateChangeView>(System.Net.HttpStatusCode.Created);
}
