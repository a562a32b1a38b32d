using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.ApiKeys;
using ComplianceApi.Features.Inspections;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.ApiKeys;

public sealed class ApiKeysTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_issued_key_shows_its_secret_once_and_works_for_requests(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();

        var response = await admin.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("Lancashire compliance tracker", ApiKeyRole.Editor, "lancashire"));
        var issued = await response.ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/api-keys/{issued.Id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("cak_", issued.Secret, StringComparison.Ordinal);
        Assert.StartsWith(issued.Hint, issued.Secret, StringComparison.Ordinal);
        var text = await (await admin.GetAsync($"/api/v1/api-keys/{issued.Id}", TestContext.Current.CancellationToken)).Content
            .ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(issued.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        var read = await admin.GetAsync<ApiKeyView>($"/api/v1/api-keys/{issued.Id}");
        Assert.Equal(("Lancashire compliance tracker", ApiKeyRole.Editor, "lancashire", issued.Hint), (read.ClientName, read.Role, read.ForceCode, read.Hint));
        Assert.Null(read.RevokedAt);

        var client = host.ClientWithKey(issued.Secret);
        await (await client.GetAsync("/api/v1/inspections?limit=1", TestContext.Current.CancellationToken)).ReadAsync<Page<InspectionView>>();
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_revoked_key_is_refused_at_once_but_kept_for_audit(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var issued = await IssueAsync(admin, new ApiKeyRequest("Leicestershire performance dashboard", ApiKeyRole.Reader, "leicestershire"));
        var client = host.ClientWithKey(issued.Secret);
        await (await client.GetAsync("/api/v1/forces", TestContext.Current.CancellationToken)).ReadAsync<List<object>>();

        var revoked = await admin.DeleteAsync($"/api/v1/api-keys/{issued.Id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await (await client.GetAsync("/api/v1/forces", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var read = await admin.GetAsync<ApiKeyView>($"/api/v1/api-keys/{issued.Id}");
        Assert.NotNull(read.RevokedAt);
        Assert.DoesNotContain(issued.Id, await AllIdsAsync(admin, "forceCode=leicestershire"));
        Assert.Contains(issued.Id, await AllIdsAsync(admin, "forceCode=leicestershire&includeRevoked=true"));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Revoking_a_key_twice_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var issued = await IssueAsync(admin, new ApiKeyRequest("Lancashire compliance tracker", ApiKeyRole.Editor, "lancashire"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{issued.Id}", TestContext.Current.CancellationToken)).StatusCode);

        var problem = await (await admin.DeleteAsync($"/api/v1/api-keys/{issued.Id}", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("already revoked", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_key_cannot_revoke_itself(Provider provider)
    {
        var host = await hosts.For(provider);
        var issued = await IssueAsync(host.AdminClient(), new ApiKeyRequest("HMICFRS national returns", ApiKeyRole.Admin, null));
        var itself = host.ClientWithKey(issued.Secret);

        var problem = await (await itself.DeleteAsync($"/api/v1/api-keys/{issued.Id}", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("cannot revoke itself", problem.Detail);
        Assert.Null((await itself.GetAsync<ApiKeyView>($"/api/v1/api-keys/{issued.Id}")).RevokedAt);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_admin_key_may_be_scoped_to_a_force_as_that_force_admins(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        var issued = await IssueAsync(admin, new ApiKeyRequest("Lancashire administrators", ApiKeyRole.Admin, "lancashire"));

        Assert.Equal((ApiKeyRole.Admin, "lancashire"), (issued.Role, issued.ForceCode));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_invalid_key_request_is_refused_field_by_field(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        var invalid = await (await admin.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("", ApiKeyRole.Reader, "")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var unknownForce = await (await admin.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("Atlantis tracker", ApiKeyRole.Reader, "atlantis")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var unknownRole = await (await admin.PostJsonAsync("/api/v1/api-keys", new { clientName = "Lancashire tracker", role = "Owner" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["clientName", "forceCode"], invalid.Errors!.Keys.Order());
        Assert.Contains("atlantis", Assert.Single(unknownForce.Errors!["forceCode"]));
        Assert.Contains("role", unknownRole.Errors!.Keys);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Keys_are_listed_by_force_a_page_at_a_time(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var issued = new List<Guid>();
        foreach (var client in new[] { "Cumbria compliance tracker", "Cumbria performance dashboard", "Cumbria audit team" })
        {
            issued.Add((await IssueAsync(admin, new ApiKeyRequest(client, ApiKeyRole.Reader, "cumbria"))).Id);
        }

        var national = await IssueAsync(admin, new ApiKeyRequest("National Police Chiefs' Council", ApiKeyRole.Reader, null));

        var first = await admin.GetAsync<Page<ApiKeyView>>("/api/v1/api-keys?forceCode=cumbria&limit=2");
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        Assert.True(first.TotalCount >= 3);
        Assert.All(first.Items, key => Assert.Equal("cumbria", key.ForceCode));
        var all = await AllIdsAsync(admin, "forceCode=cumbria&limit=2");
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(issued, id => Assert.Contains(id, all));
        Assert.DoesNotContain(national.Id, all);
        Assert.Contains(national.Id, await AllIdsAsync(admin, ""));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_unknown_key_is_not_found(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var url = $"/api/v1/api-keys/{Guid.NewGuid()}";

        await (await admin.GetAsync(url, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync(url, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Only_national_admins_manage_keys(Provider provider)
    {
        var host = await hosts.For(provider);
        var issued = await IssueAsync(host.AdminClient(), new ApiKeyRequest("Lancashire compliance tracker", ApiKeyRole.Reader, "lancashire"));
        var ct = TestContext.Current.CancellationToken;
        HttpClient[] callers =
        [
            await host.ClientAsync(ApiKeyRole.Editor),
            await host.ClientAsync(ApiKeyRole.Editor, "lancashire"),
            await host.ClientAsync(ApiKeyRole.Reader, "lancashire"),
        ];

        foreach (var caller in callers)
        {
            await (await caller.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("Lancashire tracker", ApiKeyRole.Editor, "lancashire")))
                .ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await caller.GetAsync("/api/v1/api-keys", ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await caller.GetAsync($"/api/v1/api-keys/{issued.Id}", ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await caller.DeleteAsync($"/api/v1/api-keys/{issued.Id}", ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await host.AnonymousClient().GetAsync("/api/v1/api-keys", ct)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null((await host.AdminClient().GetAsync<ApiKeyView>($"/api/v1/api-keys/{issued.Id}")).RevokedAt);
    }

    private static async Task<ApiKeyIssuedView> IssueAsync(HttpClient admin, ApiKeyRequest request) =>
        await (await admin.PostJsonAsync("/api/v1/api-keys", request)).ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);

    private static async Task<List<Guid>> AllIdsAsync(HttpClient admin, string filter) =>
        [.. (await AllAsync(admin, filter)).Select(k => k.Id)];

    /// <summary>Every key a filter matches, following the cursor to the last page.</summary>
    private static async Task<List<ApiKeyView>> AllAsync(HttpClient admin, string filter)
    {
        var keys = new List<ApiKeyView>();
        string? cursor = null;
        do
        {
            var page = await admin.GetAsync<Page<ApiKeyView>>($"/api/v1/api-keys?{filter}{(cursor is null ? "" : $"&cursor={cursor}")}");
            keys.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return keys;
    }
}
