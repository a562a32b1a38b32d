using System.Net;
using ComplianceApi.Data;
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

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_key_past_its_expiry_is_refused_with_401_saying_it_expired(Provider provider)
    {
        var host = await hosts.For(provider);
        var issued = await IssueAsync(host.AdminClient(), new ApiKeyRequest("Cumbria data quality script", ApiKeyRole.Reader, "cumbria", DateTimeOffset.UtcNow.AddSeconds(3)));
        var client = host.ClientWithKey(issued.Secret);
        Assert.NotNull(issued.ExpiresAt);
        await (await client.GetAsync("/api/v1/forces", Ct)).ReadAsync<List<object>>();

        await Task.Delay(issued.ExpiresAt.Value - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500), Ct);

        var refused = await (await client.GetAsync("/api/v1/forces", Ct)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("expired", refused.Detail, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_expiry_in_the_past_is_refused_field_by_field(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        var problem = await (await admin.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("Cumbria tracker", ApiKeyRole.Reader, "cumbria", DateTimeOffset.UtcNow.AddMinutes(-1))))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("expiresAt", problem.Errors!.Keys);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_key_s_last_use_is_recorded_once_a_minute_across_instances_and_is_no_audit_event(Provider provider)
    {
        var host = await hosts.For(provider);
        var second = await hosts.SecondInstanceFor(provider);
        var admin = host.AdminClient();
        var issued = await IssueAsync(admin, new ApiKeyRequest("Durham dashboard", ApiKeyRole.Reader, "durham"));
        Assert.Null((await admin.GetAsync<ApiKeyView>($"/api/v1/api-keys/{issued.Id}")).LastUsedAt);

        await (await host.ClientWithKey(issued.Secret).GetAsync("/api/v1/forces", Ct)).ReadAsync<List<object>>();
        var first = (await admin.GetAsync<ApiKeyView>($"/api/v1/api-keys/{issued.Id}")).LastUsedAt;
        Assert.NotNull(first);
        Assert.True(DateTimeOffset.UtcNow - first.Value < TimeSpan.FromMinutes(1));

        // Within the minute, neither this instance nor another writes it again.
        await (await host.ClientWithKey(issued.Secret).GetAsync("/api/v1/forces", Ct)).ReadAsync<List<object>>();
        await (await second.ClientWithKey(issued.Secret).GetAsync("/api/v1/forces", Ct)).ReadAsync<List<object>>();
        Assert.Equal(first, (await admin.GetAsync<ApiKeyView>($"/api/v1/api-keys/{issued.Id}")).LastUsedAt);
        var events = await admin.GetAsync<Page<ComplianceApi.Features.Audit.AuditEventView>>($"/api/v1/audit-events?recordId={issued.Id}");
        Assert.Equal(["key.created"], events.Items.Select(e => e.Kind));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Recording_a_key_s_use_leaves_the_data_version_alone(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        var issued = await IssueAsync(host.AdminClient(), new ApiKeyRequest("Durham dashboard", ApiKeyRole.Reader, "durham"));
        var before = Guid.Empty;
        await host.WithDatabaseAsync(async db => before = await db.CurrentStampAsync(Ct));

        await (await host.ClientWithKey(issued.Secret).GetAsync("/api/v1/forces", Ct)).ReadAsync<List<object>>();

        Assert.NotNull((await host.AdminClient().GetAsync<ApiKeyView>($"/api/v1/api-keys/{issued.Id}")).LastUsedAt);
        var after = Guid.Empty;
        await host.WithDatabaseAsync(async db => after = await db.CurrentStampAsync(Ct));
        Assert.Equal(before, after);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_rotated_key_s_replacement_works_alongside_it_until_the_old_one_is_revoked(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var old = await IssueAsync(admin, new ApiKeyRequest("Essex compliance tracker", ApiKeyRole.Editor, "essex"));

        var response = await admin.PostJsonAsync($"/api/v1/api-keys/{old.Id}/rotate", new ApiKeyRotationRequest(null, null));
        var replacement = await response.ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/api-keys/{replacement.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((old.ClientName, old.Role, old.ForceCode, old.Id), (replacement.ClientName, replacement.Role, replacement.ForceCode, replacement.ReplacesKeyId));
        Assert.NotEqual(old.Hint, replacement.Hint);
        await (await host.ClientWithKey(old.Secret).GetAsync("/api/v1/forces", Ct)).ReadAsync<List<object>>();
        await (await host.ClientWithKey(replacement.Secret).GetAsync("/api/v1/forces", Ct)).ReadAsync<List<object>>();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{old.Id}", Ct)).StatusCode);
        await (await host.ClientWithKey(old.Secret).GetAsync("/api/v1/forces", Ct)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await host.ClientWithKey(replacement.Secret).GetAsync("/api/v1/forces", Ct)).ReadAsync<List<object>>();
        var listed = await AllAsync(admin, "forceCode=essex");
        Assert.Equal(old.Id, Assert.Single(listed, k => k.Id == replacement.Id).ReplacesKeyId);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Rotation_may_bring_the_old_key_s_expiry_forward_but_not_push_it_back_nor_rotate_a_revoked_key(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var old = await IssueAsync(admin, new ApiKeyRequest("Kent performance hub", ApiKeyRole.Reader, "kent", DateTimeOffset.UtcNow.AddDays(30)));
        var until = DateTimeOffset.UtcNow.AddDays(7);

        var replacement = await (await admin.PostJsonAsync($"/api/v1/api-keys/{old.Id}/rotate", new ApiKeyRotationRequest(DateTimeOffset.UtcNow.AddDays(365), until)))
            .ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);

        Assert.Equal(until, (await admin.GetAsync<ApiKeyView>($"/api/v1/api-keys/{old.Id}")).ExpiresAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.True(replacement.ExpiresAt > DateTimeOffset.UtcNow.AddDays(300));
        await (await host.ClientWithKey(old.Secret).GetAsync("/api/v1/forces", Ct)).ReadAsync<List<object>>();
        var later = await (await admin.PostJsonAsync($"/api/v1/api-keys/{old.Id}/rotate", new ApiKeyRotationRequest(null, until.AddDays(1))))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("not push it back", later.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{old.Id}", Ct)).StatusCode);
        var revoked = await (await admin.PostJsonAsync($"/api/v1/api-keys/{old.Id}/rotate", new ApiKeyRotationRequest(null, null)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("revoked", revoked.Detail, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_s_admins_issue_list_rotate_and_revoke_their_own_force_s_keys_and_no_other_s(Provider provider)
    {
        var host = await hosts.For(provider);
        var national = host.AdminClient();
        var others = await IssueAsync(national, new ApiKeyRequest("Lancashire tracker", ApiKeyRole.Reader, "lancashire"));
        var admins = await host.ClientAsync(ApiKeyRole.Admin, "norfolk");

        var own = await IssueAsync(admins, new ApiKeyRequest("Norfolk tracker", ApiKeyRole.Editor, "norfolk"));
        var replacement = await (await admins.PostJsonAsync($"/api/v1/api-keys/{own.Id}/rotate", new ApiKeyRotationRequest(null, null)))
            .ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);
        var listed = await AllAsync(admins, "");
        Assert.Contains(own.Id, listed.Select(k => k.Id));
        Assert.Contains(replacement.Id, listed.Select(k => k.Id));
        Assert.All(listed, k => Assert.Equal("norfolk", k.ForceCode));
        Assert.Equal(HttpStatusCode.NoContent, (await admins.DeleteAsync($"/api/v1/api-keys/{own.Id}", Ct)).StatusCode);

        await (await admins.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("Lancashire tracker", ApiKeyRole.Reader, "lancashire"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await admins.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("National tracker", ApiKeyRole.Reader, null))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await admins.GetAsync($"/api/v1/api-keys/{others.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admins.PostJsonAsync($"/api/v1/api-keys/{others.Id}/rotate", new ApiKeyRotationRequest(null, null))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admins.DeleteAsync($"/api/v1/api-keys/{others.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(others.Id, await AllIdsAsync(national, "forceCode=lancashire"));
        Assert.Contains(replacement.Id, await AllIdsAsync(national, "forceCode=norfolk"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
