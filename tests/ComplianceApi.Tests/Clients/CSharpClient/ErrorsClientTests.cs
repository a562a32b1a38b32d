using System.Globalization;
using ComplianceApi.Client;
using ComplianceApi.Data;
using ComplianceApi.Http;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

/// <summary>Every refusal reaches the caller as a ComplianceApiException with the status and the RFC 9457 problem.</summary>
public sealed class ErrorsClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_validation_problem_is_read_field_by_field(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var inspection = await admin.CreateBuildingThePictureAsync();
        var invalid = Recommendation8();
        invalid.Reference = "";
        invalid.Text = "";
        invalid.Addressees = [new AddresseeRequest { Kind = AddresseeKind.Force }];

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => admin.Findings.CreateFindingAsync(inspection.Id, invalid, cancellationToken: Ct));

        Assert.Equal(400, refused.StatusCode);
        var problem = Assert.IsType<HttpValidationProblemDetails>(refused.Problem);
        Assert.Equal((400, "The request is not valid.", "See errors for what is wrong with each field."), (problem.Status, problem.Title, problem.Detail));
        Assert.Equal(["addressees[0].forceCode", "reference", "text"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["A force addressee names its force."], refused.ErrorsFor("addressees[0].forceCode"));
        Assert.Single(refused.ErrorsFor("reference"));
        Assert.Empty(refused.ErrorsFor("businessArea"));
        Assert.StartsWith("The request is not valid. (400) See errors", refused.Message, StringComparison.Ordinal);
        Assert.Contains("addressees[0].forceCode: A force addressee names its force.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await admin.Findings.ListInspectionFindingsAsync(inspection.Id, cancellationToken: Ct)).TotalCount);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_field_the_service_checks_against_stored_data_is_refused_on_that_field(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var finding = await admin.CreateRecommendation8Async();

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() =>
            admin.Responses.CreateForceResponseAsync(finding.Id, Response("atlantis"), cancellationToken: Ct));

        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("atlantis", Assert.Single(refused.ErrorsFor("forceCode")));
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_key_the_service_does_not_know_is_refused_with_401(Transport transport)
    {
        var stranger = (await AdminAsync(hosts, transport)).WithKey("cak_not-a-key-this-service-ever-issued-0123456789");

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => stranger.Forces.ListForcesAsync(cancellationToken: Ct));

        Assert.Equal(401, refused.StatusCode);
        Assert.Equal(401, refused.Problem?.Status);
        Assert.Equal("An API key is required.", refused.Problem?.Title);
        Assert.Contains("not recognised", refused.Problem?.Detail);
        Assert.Empty(refused.Problem!.Errors);
    }

    [Fact]
    public void A_client_cannot_be_configured_without_a_key()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };

        Assert.ThrowsAny<ArgumentException>(() => new InspectionsClient(new ComplianceApiClientOptions { ApiKey = " " }, http));
        Assert.ThrowsAny<ArgumentException>(() => new InspectionsClient(new ComplianceApiClientOptions { ApiKey = null! }, http));
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Writing_for_another_force_is_forbidden_with_403(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var lancashire = await admin.IssueKeyAsync(ApiKeyRole.Editor, Lancashire);
        var finding = await admin.CreateRecommendation8Async();

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() =>
            lancashire.Responses.CreateForceResponseAsync(finding.Id, Response(CityOfLondon), cancellationToken: Ct));

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("This API key may not do that.", refused.Problem?.Title);
        Assert.Contains(CityOfLondon, refused.Problem?.Detail);
        Assert.Equal(0, (await admin.Responses.ListFindingResponsesAsync(finding.Id, cancellationToken: Ct)).TotalCount);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_reader_key_is_forbidden_to_write_with_403(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var reader = await admin.IssueKeyAsync(ApiKeyRole.Reader, CityOfLondon);
        var finding = await admin.CreateRecommendation8Async();

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() =>
            reader.Responses.CreateForceResponseAsync(finding.Id, Response(CityOfLondon), cancellationToken: Ct));

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("A key with the Reader role cannot call this operation.", refused.Problem?.Detail);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Another_forces_response_is_not_found_with_404_by_a_force_scoped_key(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var city = await admin.IssueKeyAsync(ApiKeyRole.Editor, CityOfLondon);
        var lancashire = await admin.IssueKeyAsync(ApiKeyRole.Editor, Lancashire);
        var response = await city.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(CityOfLondon), cancellationToken: Ct);

        var unknownId = Guid.NewGuid();

        var hidden = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => lancashire.Responses.GetForceResponseAsync(response.Id, cancellationToken: Ct));
        var unknown = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => lancashire.Responses.GetForceResponseAsync(unknownId, cancellationToken: Ct));

        Assert.Equal((404, 404), (hidden.StatusCode, unknown.StatusCode));
        Assert.Equal("Not found.", hidden.Problem?.Title);
        Assert.Contains(response.Id.ToString(), hidden.Problem?.Detail);
        // Another force's record is refused exactly as one that does not exist, so its existence does not leak.
        Assert.Equal(unknown.Problem?.Detail?.Replace(unknownId.ToString(), "{id}"), hidden.Problem?.Detail?.Replace(response.Id.ToString(), "{id}"));
        Assert.Equal(CityOfLondon, (await city.Responses.GetForceResponseAsync(response.Id, cancellationToken: Ct)).ForceCode);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Progress_on_a_closed_response_is_a_conflict_with_409(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var city = await admin.IssueKeyAsync(ApiKeyRole.Editor, CityOfLondon);
        var response = await city.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(), cancellationToken: Ct);
        await city.Responses.CloseAsync(response.Id, admin.Responses);

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => city.Responses.RecordProgressUpdateAsync(response.Id,
            Update(new DateOnly(2015, 11, 2), ResponseStatus.InProgress), cancellationToken: Ct));

        Assert.Equal(409, refused.StatusCode);
        Assert.Equal("The request breaks a rule of the domain.", refused.Problem?.Title);
        Assert.Contains("reopen", refused.Problem?.Detail);
        Assert.Equal(3, (await city.Responses.ListProgressUpdatesAsync(response.Id, cancellationToken: Ct)).TotalCount);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_second_response_from_the_same_force_is_a_conflict_with_409(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var finding = await admin.CreateRecommendation8Async();
        await admin.Responses.CreateForceResponseAsync(finding.Id, Response(), cancellationToken: Ct);

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => admin.Responses.CreateForceResponseAsync(finding.Id, Response(), cancellationToken: Ct));

        Assert.Equal(409, refused.StatusCode);
        Assert.Contains("already has a response", refused.Problem?.Detail);
        Assert.Equal(1, (await admin.Responses.ListFindingResponsesAsync(finding.Id, cancellationToken: Ct)).TotalCount);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Deadline_words_that_do_not_resolve_are_unprocessable_with_422(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var inspection = await admin.CreateBuildingThePictureAsync();
        var bySpring = ByNovember2015("Recommendation 2");
        bySpring.DeadlineText = "by spring 2016";
        bySpring.DueDate = null;

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => admin.Findings.CreateFindingAsync(inspection.Id, bySpring, cancellationToken: Ct));

        Assert.Equal(422, refused.StatusCode);
        Assert.Equal(422, refused.Problem?.Status);
        Assert.Contains("\"by spring 2016\"", refused.Problem?.Detail);
        Assert.Equal(0, (await admin.Findings.ListInspectionFindingsAsync(inspection.Id, cancellationToken: Ct)).TotalCount);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_key_over_its_rate_limit_gets_429_with_the_retry_after_header(Transport transport)
    {
        var folder = Directory.CreateTempSubdirectory("compliance-client-rate-limit-");
        try
        {
            // Its own service, so that a limit of three requests does not throttle every other test.
            await using var host = new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = folder.FullName,
                ["RateLimiting:PermitLimit"] = "3",
                ["RateLimiting:WindowSeconds"] = "60",
            });
            using var http = transport == Transport.Loopback
                ? new HttpClient { BaseAddress = host.StartOnLoopback().ServerAddress }
                : host.CreateClient();
            var forces = new ForcesClient(new ComplianceApiClientOptions { ApiKey = ComplianceApiHost.AdminKey }, http);
            for (var request = 1; request <= 3; request++)
            {
                await forces.GetForceAsync(Lancashire, cancellationToken: Ct);
            }

            var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => forces.GetForceAsync(Lancashire, cancellationToken: Ct));

            Assert.Equal(429, refused.StatusCode);
            Assert.Equal("Too many requests.", refused.Problem?.Title);
            Assert.InRange(int.Parse(Assert.Single(refused.Headers["Retry-After"]), CultureInfo.InvariantCulture), 1, 60);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_problem_with_a_status_the_contract_does_not_declare_is_still_read_from_the_body()
    {
        // A gateway in front of the service may answer 429 or 503 itself; the generated code keeps such a body as text.
        var throttled = new ComplianceApiException("Too Many Requests", 429,
            """{"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too many requests.","status":429,"detail":"Retry after 30 seconds."}""",
            new Dictionary<string, IEnumerable<string>>(), null);
        var fromAProxy = new ComplianceApiException("Bad Gateway", 502, "<html><body>502 Bad Gateway</body></html>",
            new Dictionary<string, IEnumerable<string>>(), null);

        Assert.Equal((429, "Too many requests.", "Retry after 30 seconds."), (throttled.Problem?.Status, throttled.Problem?.Title, throttled.Problem?.Detail));
        Assert.Empty(throttled.ErrorsFor("limit"));
        Assert.StartsWith("Too many requests. (429) Retry after 30 seconds.", throttled.Message, StringComparison.Ordinal);
        Assert.Null(fromAProxy.Problem);
        Assert.Contains("502 Bad Gateway", fromAProxy.Message, StringComparison.Ordinal);
        Assert.Empty(fromAProxy.ErrorsFor("limit"));
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_cancelled_call_ends_with_OperationCanceledException_and_sends_nothing(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var request = BuildingThePicture();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => admin.Inspections.CreateInspectionAsync(request, cancellationToken: new CancellationToken(canceled: true)));

        // Had the cancelled call reached the service, its reference would now be taken (409).
        Assert.Equal(request.Reference, (await admin.Inspections.CreateInspectionAsync(request, cancellationToken: Ct)).Reference);
    }
}
