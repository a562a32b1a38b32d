using System.Net;
using System.Net.Http.Headers;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Audit;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;
using static ComplianceApi.Tests.Infrastructure.TestIdentityProvider;

namespace ComplianceApi.Tests.Http;

/// <summary>
/// Entra ID access tokens beside API keys: tokens from the listed tenants act for their tenant's force with
/// their app role, as a key would; anything else is refused with 401, a problem and a Bearer challenge.
/// </summary>
public sealed class BearerTokensTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task V1_and_v2_tokens_from_two_listed_tenants_write_and_read_their_own_force_and_not_the_other(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();
        var cityV1 = host.ClientWithToken(Token(CityOfLondonTenant, version: 1));
        var cityV2 = host.ClientWithToken(Token(CityOfLondonTenant, version: 2));
        var lancashireV1 = host.ClientWithToken(Token(LancashireTenant, version: 1));
        var lancashireV2 = host.ClientWithToken(Token(LancashireTenant, version: 2));

        var cityResponse = await cityV1.CreateResponseAsync(finding.Id, Response(CityOfLondon));
        var lancashireResponse = await lancashireV2.CreateResponseAsync(finding.Id, Response(Lancashire));

        Assert.Equal(CityOfLondon, (await cityV2.GetAsync<ForceResponseView>($"/api/v1/responses/{cityResponse.Id}")).ForceCode);
        Assert.Equal(Lancashire, (await lancashireV1.GetAsync<ForceResponseView>($"/api/v1/responses/{lancashireResponse.Id}")).ForceCode);
        await (await cityV2.GetAsync($"/api/v1/responses/{lancashireResponse.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashireV1.GetAsync($"/api/v1/responses/{cityResponse.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await cityV1.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response(Lancashire))).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal([cityResponse.Id], (await cityV2.GetAsync<Page<ForceResponseView>>($"/api/v1/findings/{finding.Id}/responses")).Items.Select(r => r.Id));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_national_tenant_token_sees_every_force_unless_it_carries_the_force_claim(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();
        var cityResponse = await (await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon)).CreateResponseAsync(finding.Id, Response(CityOfLondon));
        var national = host.ClientWithToken(Token(NationalTenant, roles: ["Compliance.Reader"]));
        var speakingForLancashire = host.ClientWithToken(Token(NationalTenant, roles: ["Compliance.Reader"],
            extraClaims: new Dictionary<string, object> { ["compliance_force"] = Lancashire }));

        Assert.Equal(cityResponse.Id, (await national.GetAsync<ForceResponseView>($"/api/v1/responses/{cityResponse.Id}")).Id);
        await (await speakingForLancashire.GetAsync($"/api/v1/responses/{cityResponse.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_token_write_is_recorded_in_the_audit_trail_with_its_client_id_and_subject(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();
        var clientId = Guid.NewGuid().ToString();
        var subject = Guid.NewGuid().ToString();
        var city = host.ClientWithToken(Token(CityOfLondonTenant, version: 1, clientId: clientId, subject: subject,
            extraClaims: new Dictionary<string, object> { ["app_displayname"] = "City performance hub" }));

        var response = await city.CreateResponseAsync(finding.Id, Response(CityOfLondon));

        var events = await host.AdminClient().GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?recordId={response.Id}");
        var created = Assert.Single(events.Items);
        Assert.Equal("response.created", created.Kind);
        Assert.Equal(new AuditEventClientView("City performance hub", $"{clientId}:{subject}"), created.Client);
        Assert.Equal([created.Sequence], (await host.AdminClient().GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?clientId={clientId}:{subject}")).Items.Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_idempotent_token_write_is_answered_again_to_the_same_client_and_not_to_another()
    {
        var host = await hosts.For(Provider.Sqlite);
        var finding = await host.CreateFindingAsync();
        var clientId = Guid.NewGuid().ToString();
        var subject = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> PostAsync(string token)
        {
            var client = host.ClientWithToken(token);
            client.DefaultRequestHeaders.Add("Idempotency-Key", key);
            return await client.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response(CityOfLondon));
        }

        var first = await (await PostAsync(Token(CityOfLondonTenant, clientId: clientId, subject: subject))).ReadAsync<ForceResponseView>(HttpStatusCode.Created);
        // A fresh token of the same client: the same caller, so the stored answer comes back.
        var retry = await PostAsync(Token(CityOfLondonTenant, version: 1, clientId: clientId, subject: subject));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Id, (await retry.ReadAsync<ForceResponseView>(HttpStatusCode.Created)).Id);
        // Another client's same key is its own: it writes, and is refused only by the domain's one-response rule.
        var other = await PostAsync(Token(CityOfLondonTenant, subject: subject));
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_reader_token_may_read_but_its_writes_are_forbidden_as_a_reader_key_s_are()
    {
        var host = await hosts.For(Provider.Sqlite);
        var finding = await host.CreateFindingAsync();
        var reader = host.ClientWithToken(Token(CityOfLondonTenant, roles: ["Compliance.Reader"]));

        Assert.Empty((await reader.GetAsync<Page<ForceResponseView>>($"/api/v1/findings/{finding.Id}/responses")).Items);
        var problem = await (await reader.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response(CityOfLondon))).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Reader", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("token", problem.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("API key", problem.Title + problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_writing_another_force_s_records_is_refused_in_words_about_its_token_not_an_api_key()
    {
        var host = await hosts.For(Provider.Sqlite);
        var finding = await host.CreateFindingAsync();
        var city = host.ClientWithToken(Token(CityOfLondonTenant));
        var cityKey = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);

        var byToken = await (await city.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response(Lancashire))).ReadProblemAsync(HttpStatusCode.Forbidden);
        var byKey = await (await cityKey.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response(Lancashire))).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("This token may not do that.", byToken.Title);
        Assert.StartsWith("This token is scoped to", byToken.Detail, StringComparison.Ordinal);
        Assert.Equal("This API key may not do that.", byKey.Title);
        Assert.StartsWith("This API key is scoped to", byKey.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_that_expired_within_the_clock_skew_is_still_taken()
    {
        var host = await hosts.For(Provider.Sqlite);
        var client = host.ClientWithToken(Token(LancashireTenant, expires: DateTime.UtcNow.AddMinutes(-1), notBefore: DateTime.UtcNow.AddHours(-1)));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/forces", Ct)).StatusCode);
    }

    /// <summary>Each bad token, and what the refusal says about it.</summary>
    public static TheoryData<string, string> RefusedTokens => new()
    {
        { "unlisted tenant", "is not a tenant this service trusts" },
        { "expired six minutes ago", "The token expired at" },
        { "not valid for ten minutes", "The token is not valid before" },
        // IdentityModel leaves the audience out of what it reports (it counts as personal data).
        { "another audience", "The audience '" },
        // Lancashire's issuer on a token signed with City of London's key: the keys of the tenant it claims decide.
        { "issuer of another tenant", "The signature key was not found" },
        { "unknown signing key", "The signature key was not found" },
        { "alg none", "The signature is invalid" },
        { "no role", "none of the application roles" },
        { "not a JWT", "not a JWT" },
    };

    private static string RefusedToken(string kind) => kind switch
    {
        "unlisted tenant" => Token(UnlistedTenant),
        "expired six minutes ago" => Token(CityOfLondonTenant, expires: DateTime.UtcNow.AddMinutes(-6), notBefore: DateTime.UtcNow.AddHours(-1)),
        "not valid for ten minutes" => Token(CityOfLondonTenant, notBefore: DateTime.UtcNow.AddMinutes(10)),
        "another audience" => Token(CityOfLondonTenant, audience: "api://another-service"),
        "issuer of another tenant" => Token(LancashireTenant, signedWith: CityOfLondonTenant.SigningKey),
        "unknown signing key" => Token(CityOfLondonTenant, signedWith: TestTenant.NewKey()),
        "alg none" => Token(CityOfLondonTenant, withoutSignature: true),
        "no role" => Token(CityOfLondonTenant, roles: ["Some.Other.Role"]),
        "not a JWT" => "opaque-token",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory, MemberData(nameof(RefusedTokens))]
    public async Task A_bad_token_is_refused_with_401_a_problem_and_a_bearer_challenge_saying_why(string kind, string reason)
    {
        var host = await hosts.For(Provider.Sqlite);
        var client = host.ClientWithToken(RefusedToken(kind));

        var answer = await client.GetAsync("/api/v1/forces", Ct);

        var problem = await answer.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(reason, problem.Detail, StringComparison.Ordinal);
        var challenge = Assert.Single(answer.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.StartsWith("error=\"invalid_token\", error_description=", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains(reason, challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_or_key_the_challenge_is_still_the_api_key_s()
    {
        var host = await hosts.For(Provider.Sqlite);
        var answer = await host.AnonymousClient().GetAsync("/api/v1/forces", Ct);

        await answer.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(answer.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
    }

    [Fact]
    public async Task An_api_key_still_works_beside_a_basic_authorization_header()
    {
        var host = await hosts.For(Provider.Sqlite);
        var client = host.AdminClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/forces", Ct)).StatusCode);
    }
}
