using ComplianceApi.Cli.Common;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Cli;

public sealed class KeysCommandTests(TestHosts hosts)
{
    [Fact]
    public async Task A_created_key_prints_only_its_secret_to_stdout_and_the_secret_lets_its_holder_in()
    {
        var host = hosts.Loopback();
        var clientName = Unique.Slug("national-reporting-tool");

        var created = await CliRunner.RunAsync(host, "keys", "create", "--client-name", clientName, "--role", "Admin");

        Assert.True(created.ExitCode == ExitCodes.Success, created.ToString());
        var secret = created.Output.TrimEnd('\n', '\r');
        Assert.StartsWith("cak_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', secret);
        Assert.Contains(clientName, created.Error);
        Assert.Contains("printed once", created.Error);
        Assert.DoesNotContain(secret, created.Error);
        var listedWithIt = await CliRunner.RunAsync(CliRunner.Environment(host, secret), "keys", "list");
        Assert.True(listedWithIt.ExitCode == ExitCodes.Success, listedWithIt.ToString());
        Assert.Contains(clientName, listedWithIt.Output);
        Assert.DoesNotContain(secret, listedWithIt.Output);
    }

    [Fact]
    public async Task A_revoked_key_is_listed_only_when_asked_and_is_refused_with_401_explained()
    {
        var host = hosts.Loopback();
        var clientName = Unique.Slug("cheshire-dashboard");
        var secret = (await CliRunner.RunAsync(host, "keys", "create", "--client-name", clientName, "--role", "reader", "--force-code", "cheshire")).Output.Trim();
        var id = KeyId(await CliRunner.RunAsync(host, "keys", "list", "--force-code", "cheshire"), clientName);

        var revoked = await CliRunner.RunAsync(host, "keys", "revoke", id);

        Assert.True(revoked.ExitCode == ExitCodes.Success, revoked.ToString());
        Assert.Contains($"Revoked key {id}", revoked.Error);
        Assert.DoesNotContain(clientName, (await CliRunner.RunAsync(host, "keys", "list", "--force-code", "cheshire")).Output);
        Assert.Contains(clientName, (await CliRunner.RunAsync(host, "keys", "list", "--force-code", "cheshire", "--include-revoked")).Output);
        var refused = await CliRunner.RunAsync(CliRunner.Environment(host, secret), "keys", "list");
        Assert.True(refused.ExitCode == ExitCodes.Rejected, refused.ToString());
        Assert.Contains("(401)", refused.Error);
        Assert.Contains("revoked", refused.Error);
    }

    [Fact]
    public async Task Revoking_a_key_twice_shows_the_services_409_and_exits_with_1()
    {
        var host = hosts.Loopback();
        var clientName = Unique.Slug("dorset-tracker");
        await CliRunner.RunAsync(host, "keys", "create", "--client-name", clientName, "--role", "Editor", "--force-code", "dorset");
        var id = KeyId(await CliRunner.RunAsync(host, "keys", "list", "--force-code", "dorset"), clientName);
        await CliRunner.RunAsync(host, "keys", "revoke", id);

        var again = await CliRunner.RunAsync(host, "keys", "revoke", id);

        Assert.True(again.ExitCode == ExitCodes.Rejected, again.ToString());
        Assert.Contains("(409)", again.Error);
        Assert.Contains("already revoked", again.Error);
    }

    [Fact]
    public async Task A_force_scoped_key_is_told_that_managing_keys_needs_a_national_admin()
    {
        var host = hosts.Loopback();
        var editor = (await CliRunner.RunAsync(host, "keys", "create", "--client-name", Unique.Slug("lancashire-tracker"), "--role", "Editor", "--force-code", "lancashire")).Output.Trim();

        var refused = await CliRunner.RunAsync(CliRunner.Environment(host, editor), "keys", "list");

        Assert.True(refused.ExitCode == ExitCodes.Rejected, refused.ToString());
        Assert.Contains("(403)", refused.Error);
        Assert.Contains("national Admin key", refused.Error);
        Assert.Empty(refused.Output);
    }

    [Fact]
    public async Task An_invalid_key_request_shows_each_field_error_in_a_table_and_exits_with_1()
    {
        var refused = await CliRunner.RunAsync(hosts.Loopback(), "keys", "create", "--client-name", new string('x', 300), "--role", "Reader");

        Assert.True(refused.ExitCode == ExitCodes.Rejected, refused.ToString());
        Assert.Contains("(400)", refused.Error);
        var row = Assert.Single(refused.Error.Split('\n'), line => line.Contains("clientName", StringComparison.Ordinal));
        Assert.Contains("200 characters or fewer", row);
        Assert.Contains("│ Field", refused.Error);
        Assert.Empty(refused.Output);
    }

    [Fact]
    public async Task A_role_the_service_does_not_have_is_a_usage_error_before_anything_is_sent()
    {
        var run = await CliRunner.RunAsync(hosts.Loopback(), "keys", "create", "--client-name", "x", "--role", "Superuser", "--verbose");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.DoesNotContain("> POST", run.Error);
    }

    // The table row naming the client; the id is its first cell.
    private static string KeyId(CliRun list, string clientName)
    {
        Assert.True(list.ExitCode == ExitCodes.Success, list.ToString());
        var row = Assert.Single(list.Output.Split('\n'), line => line.Contains(clientName, StringComparison.Ordinal));
        return row.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0];
    }
}
