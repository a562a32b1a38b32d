using System.Net;
using System.Net.Http.Json;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.ActionPlans;
using ComplianceApi.Features.ApiKeys;
using ComplianceApi.Features.Evidence;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.Inspections;
using ComplianceApi.Features.Responses;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Tests.Http;

/// <summary>
/// A POST whose answer was lost is sent again with the same Idempotency-Key and gets the first answer back,
/// instead of making a second record: progress updates and evidence cannot be deleted once made twice.
/// </summary>
public sealed class IdempotentRetriesTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Provider, string> CreatingOperations()
    {
        var data = new TheoryData<Provider, string>();
        foreach (var provider in new[] { Provider.Sqlite, Provider.Postgres })
        {
            foreach (var operation in new[] { "CreateInspection", "CreateFinding", "CreateForceResponse", "RecordProgressUpdate", "AddResponseEvidence", "CreateActionPlan", "CreatePlanAction", "CreateApiKey" })
            {
                data.Add(provider, operation);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(CreatingOperations))]
    public async Task A_create_sent_again_with_its_key_answers_the_first_outcome_and_leaves_one_record(Provider provider, string operation)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var (url, body, count) = await ScenarioAsync(host, operation);
        var key = $"\"{Guid.NewGuid()}\"";

        using var first = await PostAsync(admin, url, body, key);
        var firstBody = await first.Content.ReadAsStringAsync(Ct);
        Assert.True(first.StatusCode == HttpStatusCode.Created, firstBody);
        using var again = await PostAsync(admin, url, body, key);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await count());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_new_api_key_is_given_back_on_a_retry_but_its_secret_is_not_readable_in_the_database(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var key = Guid.NewGuid().ToString();
        var body = new ApiKeyRequest($"Force tracker {Guid.NewGuid():N}", ApiKeyRole.Reader, "kent");

        var issued = await (await PostAsync(admin, "/api/v1/api-keys", body, key)).ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);
        var replayed = await (await PostAsync(admin, "/api/v1/api-keys", body, key)).ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);
        var stored = Array.Empty<byte>();
        await host.WithDatabaseAsync(async db => stored = (await db.IdempotencyRecords.SingleAsync(r => r.Key == key, Ct)).Body);

        Assert.Equal(issued.Secret, replayed.Secret);
        Assert.DoesNotContain(issued.Secret, System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Id.ToString(), System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_token_caller_cannot_have_a_new_api_keys_secret_kept_for_a_retry(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.ClientWithToken(TestIdentityProvider.Token(TestIdentityProvider.NationalTenant, roles: ["Compliance.Admin"]));
        var name = $"Force tracker {Guid.NewGuid():N}";

        using var refused = await PostAsync(admin, "/api/v1/api-keys", new ApiKeyRequest(name, ApiKeyRole.Reader, "kent"), Guid.NewGuid().ToString());

        Assert.Equal(["Idempotency-Key"], (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ToArray());
        var keys = -1;
        await host.WithDatabaseAsync(async db => keys = await db.ApiKeys.CountAsync(k => k.ClientName == name, Ct));
        Assert.Equal(0, keys);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_key_sent_with_another_body_is_refused_with_422_and_writes_nothing(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var (url, body, count) = await ScenarioAsync(host, "RecordProgressUpdate");
        var key = Guid.NewGuid().ToString();
        (await PostAsync(admin, url, body, key)).EnsureSuccessStatusCode();

        using var other = await PostAsync(admin, url, ResponseTestData.Update(new DateOnly(2015, 10, 1), ResponseStatus.Implemented, Rag.Green), key);

        Assert.Contains("different request", (await other.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).Detail, StringComparison.Ordinal);
        Assert.Equal(1, await count());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_key_belongs_to_the_client_that_sent_it(Provider provider)
    {
        var host = await hosts.For(provider);
        var (url, body, count) = await ScenarioAsync(host, "RecordProgressUpdate");
        var key = Guid.NewGuid().ToString();
        var otherEditor = await host.ClientAsync(ApiKeyRole.Editor);

        (await PostAsync(host.AdminClient(), url, body, key)).EnsureSuccessStatusCode();
        using var theirs = await PostAsync(otherEditor, url, body, key);

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await count());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_refused_request_is_not_kept_so_the_corrected_request_can_use_its_key(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var (url, body, count) = await ScenarioAsync(host, "RecordProgressUpdate");
        var key = Guid.NewGuid().ToString();

        using var refused = await PostAsync(admin, url, ResponseTestData.Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress, narrative: ""), key);
        await refused.ReadProblemAsync(HttpStatusCode.BadRequest);
        using var corrected = await PostAsync(admin, url, body, key);

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(1, await count());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_malformed_key_is_refused_naming_the_header(Provider provider)
    {
        var host = await hosts.For(provider);
        var (url, body, count) = await ScenarioAsync(host, "RecordProgressUpdate");

        using var refused = await PostAsync(host.AdminClient(), url, body, new string('k', 300));

        Assert.Equal(["Idempotency-Key"], (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ToArray());
        Assert.Equal(0, await count());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_key_past_its_keeping_period_is_forgotten_and_purged(Provider provider)
    {
        var host = await hosts.For(provider);
        await using var brief = host.WithWebHostBuilder(builder => builder.UseSetting("Idempotency:KeepFor", "00:00:01"));
        var admin = brief.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);
        var (url, body, count) = await ScenarioAsync(host, "RecordProgressUpdate");
        var key = Guid.NewGuid().ToString();
        (await PostAsync(admin, url, body, key)).EnsureSuccessStatusCode();

        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        using var later = await PostAsync(admin, url, body, key);
        var purged = 0;
        await host.WithDatabaseAsync(async db => purged = await ComplianceApi.Data.IdempotencyRecords.PurgeExpiredAsync(db, DateTimeOffset.UtcNow.AddSeconds(2), Ct));

        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.False(later.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await count());
        Assert.True(purged >= 1);
    }

    /// <summary>
    /// Two identical requests with one key, sent at once to two instances on one database: one write, and
    /// the other request is told the key is in use (409) or, if the first has finished, gets its outcome.
    /// </summary>
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_same_request_sent_at_once_to_two_instances_makes_one_record(Provider provider)
    {
        var host = await hosts.For(provider);
        var second = await hosts.SecondInstanceFor(provider);
        for (var round = 0; round < 10; round++)
        {
            var (url, body, count) = await ScenarioAsync(host, "RecordProgressUpdate");
            var key = Guid.NewGuid().ToString();

            var answers = await Task.WhenAll(
                PostAsync(host.AdminClient(), url, body, key), PostAsync(second.AdminClient(), url, body, key),
                PostAsync(host.AdminClient(), url, body, key), PostAsync(second.AdminClient(), url, body, key));

            Assert.Equal(1, await count());
            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created && !a.Headers.Contains("Idempotent-Replayed")));
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, body.GetType(), options: HttpAssertions.Json) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>Where an operation posts, a valid body for it, and how many records like the one it makes exist.</summary>
    private static async Task<(string Url, object Body, Func<Task<int>> Count)> ScenarioAsync(ComplianceApiHost host, string operation)
    {
        var admin = host.AdminClient();
        switch (operation)
        {
            case "CreateInspection":
            {
                var request = TestData.Inspection();
                return ("/api/v1/inspections", request, async () =>
                {
                    var inspections = 0;
                    await host.WithDatabaseAsync(async db => inspections = await db.Inspections.CountAsync(i => i.Reference == request.Reference, Ct));
                    return inspections;
                });
            }

            case "CreateFinding":
            {
                var inspection = await admin.CreateInspectionAsync();
                return ($"/api/v1/inspections/{inspection.Id}/findings", FindingTestData.Recommendation("Recommendation 3"), async () =>
                    (await admin.GetAsync<Page<FindingView>>($"/api/v1/inspections/{inspection.Id}/findings")).TotalCount);
            }

            case "CreateForceResponse":
            {
                var finding = await host.CreateFindingAsync();
                return ($"/api/v1/findings/{finding.Id}/responses", ResponseTestData.Response(), async () =>
                    (await admin.GetAsync<Page<ForceResponseView>>($"/api/v1/findings/{finding.Id}/responses")).TotalCount);
            }

            case "RecordProgressUpdate":
            {
                var response = await admin.CreateResponseAsync((await host.CreateFindingAsync()).Id);
                return ($"/api/v1/responses/{response.Id}/updates", ResponseTestData.Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress), async () =>
                    (await admin.GetAsync<Page<ProgressUpdateView>>($"/api/v1/responses/{response.Id}/updates")).TotalCount);
            }

            case "AddResponseEvidence":
            {
                var response = await admin.CreateResponseAsync((await host.CreateFindingAsync()).Id);
                return ($"/api/v1/responses/{response.Id}/evidence", ResponseTestData.BoardMinutes(), async () =>
                    (await admin.GetAsync<Page<EvidenceView>>($"/api/v1/evidence?responseId={response.Id}")).TotalCount);
            }

            case "CreateActionPlan":
            {
                var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("lancashire"));
                return ("/api/v1/action-plans", PlanTestData.LancashirePlan(inspection.Id), async () =>
                    (await admin.GetAsync<Page<ActionPlanView>>($"/api/v1/action-plans?inspectionId={inspection.Id}")).TotalCount);
            }

            case "CreatePlanAction":
            {
                var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("lancashire"));
                var finding = await host.CreateFindingAsync(inspection.Id, "Recommendation 1", "lancashire");
                var plan = await admin.CreatePlanAsync(PlanTestData.LancashirePlan(inspection.Id));
                return ($"/api/v1/action-plans/{plan.Id}/actions", PlanTestData.RecruitRecordsManager(finding.Id), async () =>
                    (await admin.GetAsync<Page<PlanActionView>>($"/api/v1/action-plans/{plan.Id}/actions")).TotalCount);
            }

            case "CreateApiKey":
            {
                var name = $"Force tracker {Guid.NewGuid():N}";
                return ("/api/v1/api-keys", new ApiKeyRequest(name, ApiKeyRole.Reader, "kent"), async () =>
                {
                    var keys = 0;
                    await host.WithDatabaseAsync(async db => keys = await db.ApiKeys.CountAsync(k => k.ClientName == name, Ct));
                    return keys;
                });
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "No scenario for this operation.");
        }
    }
}
