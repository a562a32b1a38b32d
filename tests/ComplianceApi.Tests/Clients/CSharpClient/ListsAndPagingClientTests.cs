using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class ListsAndPagingClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Pages_of_an_inspections_findings_follow_each_other_by_cursor_to_the_last(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var inspection = await admin.CreateBuildingThePictureAsync();
        var created = new List<Guid>();
        for (var number = 1; number <= 7; number++)
        {
            created.Add((await admin.Findings.CreateFindingAsync(inspection.Id, ByNovember2015($"Recommendation {number}"), cancellationToken: Ct)).Id);
        }

        var first = await admin.Findings.ListInspectionFindingsAsync(inspection.Id, limit: 3, cancellationToken: Ct);
        var second = await admin.Findings.ListInspectionFindingsAsync(inspection.Id, limit: 3, cursor: first.NextCursor, cancellationToken: Ct);
        var last = await admin.Findings.ListInspectionFindingsAsync(inspection.Id, limit: 3, cursor: second.NextCursor, cancellationToken: Ct);

        Assert.Equal((3, 3, 1), (first.Items.Count, second.Items.Count, last.Items.Count));
        Assert.Equal((7, 7, 7), (first.TotalCount, second.TotalCount, last.TotalCount));
        Assert.NotNull(first.NextCursor);
        Assert.NotNull(second.NextCursor);
        Assert.Null(last.NextCursor);
        var listed = first.Items.Concat(second.Items).Concat(last.Items).Select(f => f.Id).ToList();
        Assert.Equal(created.Order(), listed.Order());
        Assert.Equal(7, listed.Distinct().Count());
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Responses_are_listed_by_inspection_status_and_rag_a_page_at_a_time_to_the_end(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var finding = await admin.CreateRecommendation8Async();
        string[] forces = [CityOfLondon, Lancashire, "cheshire", "cambridgeshire", "leicestershire"];
        var responses = new Dictionary<string, Guid>();
        foreach (var force in forces)
        {
            responses[force] = (await admin.Responses.CreateForceResponseAsync(finding.Id, Response(force), cancellationToken: Ct)).Id;
        }

        foreach (var force in new[] { "cheshire", Lancashire })
        {
            await admin.Responses.RecordProgressUpdateAsync(responses[force], Update(new DateOnly(2015, 8, 3), ResponseStatus.InProgress, Rag.Red), cancellationToken: Ct);
        }

        var all = await ReadAllPagesAsync<ForceResponse>(async cursor =>
        {
            var page = await admin.Responses.ListForceResponsesAsync(inspectionId: finding.InspectionId, limit: 2, cursor: cursor, cancellationToken: Ct);
            return (page.Items, page.TotalCount, page.NextCursor);
        });
        var red = await admin.Responses.ListForceResponsesAsync(
            inspectionId: finding.InspectionId, status: ResponseStatus.InProgress, rag: Rag.Red, cancellationToken: Ct);
        var underFinding = await admin.Responses.ListFindingResponsesAsync(finding.Id, limit: 4, cancellationToken: Ct);

        Assert.Equal(forces.Order(StringComparer.Ordinal), all.Select(r => r.ForceCode).Order(StringComparer.Ordinal));
        Assert.Equal(["cheshire", Lancashire], red.Items.Select(r => r.ForceCode).Order(StringComparer.Ordinal));
        Assert.Equal(2, red.TotalCount);
        Assert.Equal((4, 5), (underFinding.Items.Count, underFinding.TotalCount));
        Assert.NotNull(underFinding.NextCursor);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_progress_history_is_read_oldest_first_a_page_at_a_time(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var response = await admin.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(), cancellationToken: Ct);
        var recorded = new List<Guid>();
        foreach (var (on, status) in new[]
        {
            (new DateOnly(2015, 7, 20), ResponseStatus.NotStarted),
            (new DateOnly(2015, 8, 3), ResponseStatus.InProgress),
            (new DateOnly(2015, 9, 1), ResponseStatus.InProgress),
            (new DateOnly(2015, 10, 21), ResponseStatus.Implemented),
        })
        {
            recorded.Add((await admin.Responses.RecordProgressUpdateAsync(response.Id, Update(on, status), cancellationToken: Ct)).Id);
        }

        var history = await ReadAllPagesAsync<ProgressUpdate>(async cursor =>
        {
            var page = await admin.Responses.ListProgressUpdatesAsync(response.Id, limit: 3, cursor: cursor, cancellationToken: Ct);
            return (page.Items, page.TotalCount, page.NextCursor);
        });

        Assert.Equal(recorded, history.Select(u => u.Id));
        Assert.Equal(new DateOnly(2015, 7, 20), history[0].EffectiveOn);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Paging_values_the_service_did_not_issue_are_refused_field_by_field(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() =>
            admin.Responses.ListForceResponsesAsync(limit: 0, cursor: "not-ours", cancellationToken: Ct));

        Assert.Equal(400, refused.StatusCode);
        Assert.Equal(["cursor", "limit"], refused.Problem!.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("nextCursor", Assert.Single(refused.ErrorsFor("cursor")));
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Forces_are_listed_by_kind_and_a_collaboration_names_its_members(Transport transport)
    {
        var reader = await (await AdminAsync(hosts, transport)).IssueKeyAsync(ApiKeyRole.Reader, Lancashire);

        var territorial = await reader.Forces.ListForcesAsync(ForceKind.Territorial, cancellationToken: Ct);
        var bch = await reader.Forces.GetForceAsync("bch", cancellationToken: Ct);

        Assert.All(territorial, f => Assert.Equal(ForceKind.Territorial, f.Kind));
        Assert.Contains(territorial, f => f is { Code: CityOfLondon, Name: "City of London Police" });
        Assert.Equal(ForceKind.Collaboration, bch.Kind);
        Assert.Equal(["bedfordshire", "cambridgeshire", "hertfordshire"], bch.MemberCodes);
    }
}
