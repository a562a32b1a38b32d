using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class ApiKeysClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task An_issued_key_shows_its_secret_once_and_a_client_configured_with_it_is_let_in(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var clientName = Unique.Slug("lancashire-tracker");

        var issued = await admin.ApiKeys.CreateApiKeyAsync(new ApiKeyRequest { ClientName = clientName, Role = ApiKeyRole.Editor, ForceCode = Lancashire }, cancellationToken: Ct);

        Assert.StartsWith("cak_", issued.Secret, StringComparison.Ordinal);
        Assert.StartsWith(issued.Hint, issued.Secret, StringComparison.Ordinal);
        var read = await admin.ApiKeys.GetApiKeyAsync(issued.Id, cancellationToken: Ct);
        Assert.Equal((clientName, ApiKeyRole.Editor, Lancashire, issued.Hint), (read.ClientName, read.Role, read.ForceCode, read.Hint));
        Assert.Null(read.RevokedAt);
        var tracker = admin.WithKey(issued.Secret);
        var response = await tracker.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(Lancashire), cancellationToken: Ct);
        Assert.Equal(Lancashire, response.ForceCode);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_revoked_key_is_refused_with_401_at_once_but_kept_for_audit(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var clientName = Unique.Slug("leicestershire-dashboard");
        var issued = await admin.ApiKeys.CreateApiKeyAsync(
            new ApiKeyRequest { ClientName = clientName, Role = ApiKeyRole.Reader, ForceCode = "leicestershire" }, cancellationToken: Ct);
        var dashboard = admin.WithKey(issued.Secret);
        await dashboard.Forces.GetForceAsync("leicestershire", cancellationToken: Ct);

        await admin.ApiKeys.RevokeApiKeyAsync(issued.Id, cancellationToken: Ct);

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => dashboard.Forces.GetForceAsync("leicestershire", cancellationToken: Ct));
        Assert.Equal(401, refused.StatusCode);
        Assert.Contains("revoked", refused.Problem?.Detail);
        Assert.NotNull((await admin.ApiKeys.GetApiKeyAsync(issued.Id, cancellationToken: Ct)).RevokedAt);
        var kept = await ReadAllPagesAsync<ApiKey>(async cursor =>
        {
            var page = await admin.ApiKeys.ListApiKeysAsync(includeRevoked: true, forceCode: "leicestershire", limit: 200, cursor: cursor, cancellationToken: Ct);
            return (page.Items, page.TotalCount, page.NextCursor);
        });
        Assert.Contains(kept, k => k.Id == issued.Id && k.ClientName == clientName);
        var active = await ReadAllPagesAsync<ApiKey>(async cursor =>
        {
            var page = await admin.ApiKeys.ListApiKeysAsync(forceCode: "leicestershire", limit: 200, cursor: cursor, cancellationToken: Ct);
            return (page.Items, page.TotalCount, page.NextCursor);
        });
        Assert.DoesNotContain(active, k => k.Id == issued.Id);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Revoking_a_key_twice_is_a_conflict_with_409(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var issued = await admin.ApiKeys.CreateApiKeyAsync(
            new ApiKeyRequest { ClientName = Unique.Slug("cheshire-tracker"), Role = ApiKeyRole.Editor, ForceCode = "cheshire" }, cancellationToken: Ct);
        await admin.ApiKeys.RevokeApiKeyAsync(issued.Id, cancellationToken: Ct);

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => admin.ApiKeys.RevokeApiKeyAsync(issued.Id, cancellationToken: Ct));

        Assert.Equal(409, refused.StatusCode);
        Assert.Contains("already revoked", refused.Problem?.Detail);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Only_national_admins_issue_keys(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var lancashireEditor = await admin.IssueKeyAsync(ApiKeyRole.Editor, Lancashire);

        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => lancashireEditor.ApiKeys.CreateApiKeyAsync(
            new ApiKeyRequest { ClientName = "Lancashire's second tracker", Role = ApiKeyRole.Editor, ForceCode = Lancashire }, cancellationToken: Ct));

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("This API key may not do that.", refused.Problem?.Title);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_rotated_key_s_replacement_works_beside_the_old_key_until_it_is_revoked(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var old = await admin.ApiKeys.CreateApiKeyAsync(
            new ApiKeyRequest { ClientName = Unique.Slug("surrey-tracker"), Role = ApiKeyRole.Reader, ForceCode = "surrey", ExpiresAt = DateTimeOffset.UtcNow.AddDays(30) }, cancellationToken: Ct);
        var until = DateTimeOffset.UtcNow.AddDays(7);

        var replacement = await admin.ApiKeys.RotateApiKeyAsync(old.Id, new ApiKeyRotationRequest { OldKeyExpiresAt = until }, cancellationToken: Ct);

        Assert.Equal((old.Id, "surrey"), (replacement.ReplacesKeyId, replacement.ForceCode));
        await admin.WithKey(old.Secret).Forces.GetForceAsync("surrey", cancellationToken: Ct);
        await admin.WithKey(replacement.Secret).Forces.GetForceAsync("surrey", cancellationToken: Ct);
        var read = await admin.ApiKeys.GetApiKeyAsync(old.Id, cancellationToken: Ct);
        Assert.Equal(until, read.ExpiresAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.NotNull(read.LastUsedAt);
        await admin.ApiKeys.RevokeApiKeyAsync(old.Id, cancellationToken: Ct);
        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => admin.WithKey(old.Secret).Forces.GetForceAsync("surrey", cancellationToken: Ct));
        Assert.Equal(401, refused.StatusCode);
        await admin.WithKey(replacement.Secret).Forces.GetForceAsync("surrey", cancellationToken: Ct);
        var again = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => admin.ApiKeys.RotateApiKeyAsync(old.Id, new ApiKeyRotationRequest(), cancellationToken: Ct));
        Assert.Equal(409, again.StatusCode);
    }
}
