using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class ResponsesAndProgressClientTests(TestHosts hosts)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_force_records_its_response_and_takes_it_through_progress_to_closure(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var city = await admin.IssueKeyAsync(ApiKeyRole.Editor, CityOfLondon);
        var finding = await admin.CreateRecommendation8Async();

        var created = await city.Responses.CreateForceResponseAsync(finding.Id, Response(), cancellationToken: Ct);
        Assert.Equal((finding.Id, "Recommendation 8", finding.InspectionId, CityOfLondon),
            (created.FindingId, created.FindingReference, created.InspectionId, created.ForceCode));
        Assert.Equal((ResponseStatus.NotAssessed, null), (created.Status, created.Rag));
        Assert.Equal((new DateOnly(2016, 3, 31), new DateOnly(2016, 3, 1)), (created.TargetDate, created.NextReviewOn));
        Assert.Equal("Information Management Board, chaired by the Assistant Commissioner", created.GovernanceBoard);

        var started = await city.Responses.RecordProgressUpdateAsync(created.Id,
            Update(new DateOnly(2015, 8, 3), ResponseStatus.InProgress, Rag.Red, "Review of the archive under way."), cancellationToken: Ct);
        Assert.Equal((created.Id, CityOfLondon, new DateOnly(2015, 8, 3)), (started.ResponseId, started.ForceCode, started.EffectiveOn));
        Assert.Equal((ResponseStatus.InProgress, Rag.Red), (started.Status, started.Rag));
        Assert.Null(started.SignedOffBy);
        await city.Responses.CloseAsync(created.Id, admin.Responses);

        var closed = await city.Responses.GetForceResponseAsync(created.Id, cancellationToken: Ct);
        Assert.Equal((ResponseStatus.Closed, Rag.Green), (closed.Status, closed.Rag));
        Assert.Equal(Today, closed.ClosedOn);
        Assert.False(string.IsNullOrEmpty(closed.ClosedBy));
        Assert.Equal(Today, closed.StatusEffectiveOn);
        Assert.Equal("Implemented and reported to the Information Management Board.", closed.PositionStatement);
        Assert.Equal(created.Version + 4, closed.Version);
        var history = await city.Responses.ListProgressUpdatesAsync(created.Id, cancellationToken: Ct);
        Assert.Equal([ResponseStatus.InProgress, ResponseStatus.Implemented, ResponseStatus.PendingSignOff, ResponseStatus.Closed], history.Items.Select(u => u.Status));
        var read = await city.Responses.GetProgressUpdateAsync(created.Id, started.Id, cancellationToken: Ct);
        Assert.Equal(("Review of the archive under way.", "Information Management Unit"), (read.Narrative, read.Author));
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_closed_response_is_reopened_and_takes_progress_again(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var city = await admin.IssueKeyAsync(ApiKeyRole.Editor, CityOfLondon);
        var response = await city.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(), cancellationToken: Ct);
        await city.Responses.CloseAsync(response.Id, admin.Responses);

        var reopened = await city.Responses.ReopenForceResponseAsync(response.Id, new ReopenRequest
        {
            Reason = "HMICFRS found NSPIS records still held beyond their review dates.",
            Author = "Head of Information Management",
        }, cancellationToken: Ct);

        Assert.Equal((ResponseStatus.InProgress, Today), (reopened.Status, reopened.EffectiveOn));
        Assert.Equal("Reopened: HMICFRS found NSPIS records still held beyond their review dates.", reopened.Narrative);
        var afterReopening = await city.Responses.GetForceResponseAsync(response.Id, cancellationToken: Ct);
        Assert.Equal(ResponseStatus.InProgress, afterReopening.Status);
        Assert.Null(afterReopening.ClosedBy);
        Assert.Null(afterReopening.ClosedOn);
        await city.Responses.RecordProgressUpdateAsync(response.Id, Update(Today, ResponseStatus.Implemented, Rag.Green, "Archive reviewed again."), cancellationToken: Ct);
        var history = await city.Responses.ListProgressUpdatesAsync(response.Id, cancellationToken: Ct);
        Assert.Equal([ResponseStatus.Implemented, ResponseStatus.PendingSignOff, ResponseStatus.Closed, ResponseStatus.InProgress, ResponseStatus.Implemented],
            history.Items.Select(u => u.Status));
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_superseded_response_has_no_rag_and_names_the_finding_that_supersedes_it(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var response = await admin.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(), cancellationToken: Ct);
        var later = await admin.CreateRecommendation8Async();
        var superseding = Update(new DateOnly(2016, 2, 1), ResponseStatus.Superseded, rag: null, "Superseded by the 2016 follow-up inspection.");
        superseding.SupersededByFindingId = later.Id;

        var update = await admin.Responses.RecordProgressUpdateAsync(response.Id, superseding, cancellationToken: Ct);

        Assert.Null(update.Rag);
        Assert.Equal(later.Id, update.SupersededByFindingId);
        var read = await admin.Responses.GetForceResponseAsync(response.Id, cancellationToken: Ct);
        Assert.Equal((ResponseStatus.Superseded, null, later.Id), (read.Status, read.Rag, read.SupersededByFindingId));
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Revising_a_response_replaces_its_owner_and_clears_what_is_left_out_and_its_target_moves_only_by_rebaselining(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var lancashire = await admin.IssueKeyAsync(ApiKeyRole.Editor, Lancashire);
        var response = await lancashire.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(Lancashire), cancellationToken: Ct);
        ForceResponseRequest Revision(DateOnly? targetDate) => new()
        {
            ForceCode = Lancashire,
            OwnerName = "Force Records Manager",
            OwnerRole = null,
            GovernanceBoard = "Strategic Management Board",
            Constraints = null,
            TargetDate = targetDate,
            NextReviewOn = null,
        };

        var revised = await lancashire.Responses.UpdateForceResponseAsync(response.Id, Revision(response.TargetDate), cancellationToken: Ct);
        var moved = await Assert.ThrowsAnyAsync<ComplianceApiException>(
            () => lancashire.Responses.UpdateForceResponseAsync(response.Id, Revision(new DateOnly(2016, 6, 30)), cancellationToken: Ct));
        var rebaselined = await lancashire.Responses.RebaselineTargetDateAsync(response.Id,
            new TargetDateChangeRequest { NewTargetDate = new DateOnly(2016, 6, 30), Reason = "The records audit moved to the next quarter." },
            cancellationToken: Ct);

        Assert.Equal(("Force Records Manager", "Strategic Management Board"), (revised.OwnerName, revised.GovernanceBoard));
        Assert.Equal(409, moved.StatusCode);
        Assert.Equal((response.TargetDate, new DateOnly(2016, 6, 30)), (rebaselined.PreviousTargetDate, rebaselined.NewTargetDate));
        var read = await lancashire.Responses.GetForceResponseAsync(response.Id, cancellationToken: Ct);
        Assert.Equal((null, null, null), (read.OwnerRole, read.Constraints, read.NextReviewOn));
        Assert.Equal(new DateOnly(2016, 6, 30), read.TargetDate);
    }
}
