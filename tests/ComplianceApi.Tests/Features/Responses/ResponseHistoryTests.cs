using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Responses;

/// <summary>
/// A response read as it stood on past dates, from its history entered through the API: City of London's
/// response to Recommendation 8 (due immediately, 2 July 2015), its owner changed, its target re-baselined.
/// </summary>
public sealed class ResponseHistoryTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_response_reads_as_it_stood_on_each_date_of_its_history(Provider provider)
    {
        var (city, response) = await RecommendationEightHistoryAsync(provider);

        async Task<ForceResponseView> On(string date) => await city.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}?asOf={date}");

        var october2015 = await On("2015-10-21");
        Assert.Equal((ResponseStatus.InProgress, Rag.Amber, "Detective Superintendent Information Management"),
            (october2015.Status, october2015.Rag!.Value, october2015.OwnerName!));
        Assert.Equal((true, 111, Rag.Red, true), (october2015.IsOverdue, october2015.DaysOverdue, october2015.DerivedRag!.Value, october2015.RagDisagrees));
        Assert.Equal((new DateOnly(2015, 7, 2), (DateOnly?)null), (october2015.DueDate!.Value, october2015.RevisedTargetDate));
        Assert.Equal(new DateOnly(2015, 10, 21), october2015.AsOf);

        var january2016 = await On("2016-01-20");
        Assert.Equal(("Detective Chief Inspector Records", "HMICFRS Board"), (january2016.OwnerName!, january2016.GovernanceBoard!));

        var june2016 = await On("2016-06-01");
        Assert.Equal((new DateOnly(2016, 12, 31), new DateOnly(2016, 12, 31), new DateOnly(2016, 12, 31)),
            (june2016.RevisedTargetDate!.Value, june2016.DueDate!.Value, june2016.TargetDate!.Value));
        Assert.Equal((false, 0, 213, Rag.Amber, false),
            (june2016.IsOverdue, june2016.DaysOverdue, june2016.DaysUntilDue!.Value, june2016.DerivedRag!.Value, june2016.RagDisagrees));

        var january2017 = await On("2017-01-20");
        Assert.Equal((ResponseStatus.Implemented, Rag.Green, "New records system live; the archive has been reviewed."),
            (january2017.Status, january2017.Rag!.Value, january2017.PositionStatement!));
        Assert.Equal((Rag.Amber, true), (january2017.DerivedRag!.Value, january2017.RagDisagrees));

        var march2017 = await On("2017-03-01");
        Assert.Equal((Rag.Green, false), (march2017.DerivedRag!.Value, march2017.RagDisagrees));

        var today = await city.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal((ResponseStatus.Implemented, "Detective Chief Inspector Records", Rag.Green), (today.Status, today.OwnerName!, today.DerivedRag!.Value));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), today.AsOf);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Before_its_history_begins_a_response_is_not_found_and_not_listed(Provider provider)
    {
        var (city, response) = await RecommendationEightHistoryAsync(provider);

        var problem = await (await city.GetAsync($"/api/v1/responses/{response.Id}?asOf=2015-10-20", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        var before = await city.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?inspectionId={response.InspectionId}&asOf=2015-10-20");
        var from = await city.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?inspectionId={response.InspectionId}&asOf=2015-10-21");

        Assert.Contains("begins later", problem.Detail);
        Assert.Equal(0, before.TotalCount);
        Assert.Equal([response.Id], from.Items.Select(r => r.Id));
        Assert.Equal(ResponseStatus.InProgress, from.Items[0].Status);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Every_rebaselining_is_kept_with_the_old_and_new_dates_the_reason_and_who(Provider provider)
    {
        var (city, response) = await RecommendationEightHistoryAsync(provider);

        var changes = await city.GetAsync<Page<TargetDateChangeView>>($"/api/v1/responses/{response.Id}/target-date-changes");
        var change = Assert.Single(changes.Items);
        var read = await city.GetAsync<TargetDateChangeView>($"/api/v1/responses/{response.Id}/target-date-changes/{change.Id}");

        Assert.Equal((new DateOnly(2016, 3, 31), new DateOnly(2016, 12, 31), new DateOnly(2016, 2, 1)),
            (change.PreviousTargetDate!.Value, change.NewTargetDate, change.EffectiveOn));
        Assert.Equal("A new IT system is to be procured in 2016; NSPIS records cannot be deleted until then.", change.Reason);
        Assert.Equal($"test Editor {CityOfLondon}", change.ChangedBy);
        Assert.Equal(change, read with { Etag = null }); // a list leaves tags out; the record read alone has one
        Assert.NotNull(read.Etag);
        var current = await city.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal((new DateOnly(2016, 12, 31), new DateOnly(2016, 12, 31)), (current.TargetDate!.Value, current.RevisedTargetDate!.Value));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_revision_cannot_move_the_target_date_once_set(Provider provider)
    {
        var host = await hosts.For(provider);
        var city = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var response = await city.CreateResponseAsync((await host.CreateFindingAsync()).Id);

        var problem = await (await city.PutJsonAsync($"/api/v1/responses/{response.Id}", Response() with { TargetDate = new DateOnly(2017, 3, 31) }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var unset = await (await city.PutJsonAsync($"/api/v1/responses/{response.Id}", Response() with { TargetDate = null }))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("target-date-changes", problem.Detail);
        Assert.Contains("re-baselining", unset.Detail);
        Assert.Equal(new DateOnly(2016, 3, 31), (await city.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}")).TargetDate);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_target_date_first_set_by_a_revision_is_then_moved_by_rebaselining(Provider provider)
    {
        var host = await hosts.For(provider);
        var city = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var response = await city.CreateResponseAsync((await host.CreateFindingAsync()).Id, Response() with { TargetDate = null });

        var set = await (await city.PutJsonAsync($"/api/v1/responses/{response.Id}", Response())).ReadAsync<ForceResponseView>();
        var moved = await (await city.PostJsonAsync($"/api/v1/responses/{response.Id}/target-date-changes",
            new TargetDateChangeRequest(new DateOnly(2016, 9, 30), "Waiting for the records manager to start.", null)))
            .ReadAsync<TargetDateChangeView>(HttpStatusCode.Created);

        Assert.Equal((new DateOnly(2016, 3, 31), (DateOnly?)null), (set.TargetDate!.Value, set.RevisedTargetDate));
        Assert.Equal((new DateOnly(2016, 3, 31), DateOnly.FromDateTime(DateTime.UtcNow)), (moved.PreviousTargetDate!.Value, moved.EffectiveOn));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Rebaselining_breaks_no_rule_of_order_and_is_refused_once_implemented(Provider provider)
    {
        var host = await hosts.For(provider);
        var city = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var open = await city.CreateResponseAsync((await host.CreateFindingAsync()).Id);
        var openUrl = $"/api/v1/responses/{open.Id}/target-date-changes";
        await (await city.PostJsonAsync(openUrl, new TargetDateChangeRequest(new DateOnly(2016, 12, 31), "Procurement.", new DateOnly(2016, 2, 1))))
            .ReadAsync<TargetDateChangeView>(HttpStatusCode.Created);
        var (_, implemented) = await RecommendationEightHistoryAsync(provider);

        var backdated = await (await city.PostJsonAsync(openUrl, new TargetDateChangeRequest(new DateOnly(2017, 6, 30), "Again.", new DateOnly(2016, 1, 1))))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var finished = await (await city.PostJsonAsync($"/api/v1/responses/{implemented.Id}/target-date-changes",
                new TargetDateChangeRequest(new DateOnly(2017, 6, 30), "Again.", null)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var invalid = await (await city.PostJsonAsync(openUrl, new { newTargetDate = "2017-06-30", reason = "" })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("2016-02-01", backdated.Detail);
        Assert.Contains("Implemented", finished.Detail);
        Assert.Equal(["reason"], invalid.Errors!.Keys);
        Assert.Equal(1, (await city.GetAsync<Page<TargetDateChangeView>>(openUrl)).TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Another_force_cannot_see_or_rebaseline_a_response_and_a_reader_cannot_rebaseline(Provider provider)
    {
        var host = await hosts.For(provider);
        var (_, response) = await RecommendationEightHistoryAsync(provider);
        var lancashire = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);
        var reader = await host.ClientAsync(ApiKeyRole.Reader, CityOfLondon);
        var url = $"/api/v1/responses/{response.Id}/target-date-changes";
        var request = new TargetDateChangeRequest(new DateOnly(2017, 6, 30), "Moved.", null);

        await (await lancashire.PostJsonAsync(url, request)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.GetAsync(url, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.GetAsync($"/api/v1/responses/{response.Id}?asOf=2016-06-01", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await reader.PostJsonAsync(url, request)).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, (await reader.GetAsync<Page<TargetDateChangeView>>(url)).TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_revision_cannot_take_effect_in_the_future_or_before_the_previous_one(Provider provider)
    {
        var (city, response) = await RecommendationEightHistoryAsync(provider);
        var revised = Response() with { OwnerName = "Someone else", TargetDate = new DateOnly(2016, 12, 31) };

        var early = await (await city.PutJsonAsync($"/api/v1/responses/{response.Id}", revised with { EffectiveOn = new DateOnly(2016, 1, 1) }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var future = await (await city.PutJsonAsync($"/api/v1/responses/{response.Id}", revised with { EffectiveOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2) }))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("before", early.Detail);
        Assert.Contains("future", future.Detail);
    }

    /// <summary>
    /// Recorded today with its history entered afterwards: in progress from 21 October 2015; owner changed
    /// on 4 January 2016; target re-baselined from 31 March to 31 December 2016 on 1 February 2016;
    /// implemented on 10 January 2017; board minutes as evidence dated 1 February 2017.
    /// </summary>
    private async Task<(HttpClient City, ForceResponseView Response)> RecommendationEightHistoryAsync(Provider provider)
    {
        var host = await hosts.For(provider);
        var city = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var response = await city.CreateResponseAsync((await host.CreateFindingAsync()).Id);
        await city.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 10, 21), ResponseStatus.InProgress, Rag.Amber));
        await (await city.PutJsonAsync($"/api/v1/responses/{response.Id}", Response() with
        {
            OwnerName = "Detective Chief Inspector Records",
            GovernanceBoard = "HMICFRS Board",
            EffectiveOn = new DateOnly(2016, 1, 4),
        })).ReadAsync<ForceResponseView>();
        await (await city.PostJsonAsync($"/api/v1/responses/{response.Id}/target-date-changes", new TargetDateChangeRequest(
            new DateOnly(2016, 12, 31), "A new IT system is to be procured in 2016; NSPIS records cannot be deleted until then.", new DateOnly(2016, 2, 1))))
            .ReadAsync<TargetDateChangeView>(HttpStatusCode.Created);
        await city.RecordUpdateAsync(response.Id, Update(new DateOnly(2017, 1, 10), ResponseStatus.Implemented, Rag.Green,
            "New records system live; the archive has been reviewed."));
        await city.AddAcceptedEvidenceAsync(host.AdminClient(), $"/api/v1/responses/{response.Id}/evidence", BoardMinutes() with { Date = new DateOnly(2017, 2, 1) });
        return (city, response);
    }
}
