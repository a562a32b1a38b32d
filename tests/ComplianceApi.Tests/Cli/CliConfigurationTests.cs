using System.Net;
using System.Net.Sockets;
using ComplianceApi.Cli.Common;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Cli;

/// <summary>Where the tool finds the service and the key, what it does without them, and that it never shows the key.</summary>
public sealed class CliConfigurationTests(TestHosts hosts)
{
    [Fact]
    public async Task The_address_and_key_come_from_the_environment_when_no_options_are_given()
    {
        var run = await CliRunner.RunAsync(hosts.Loopback(), "keys", "list");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("bootstrap admin", run.Output);
    }

    [Fact]
    public async Task Options_take_precedence_over_the_environment_and_an_address_may_omit_its_trailing_slash()
    {
        var host = hosts.Loopback();
        var environment = new Dictionary<string, string>
        {
            [ServiceOptions.AddressVariable] = $"http://127.0.0.1:{ClosedPort()}/",
            [ServiceOptions.KeyVariable] = "cak_not-a-key-the-service-knows-0123456789",
        };

        var run = await CliRunner.RunAsync(environment,
            "keys", "list", "--api", host.ServerAddress.ToString().TrimEnd('/'), "--api-key", ComplianceApiHost.AdminKey);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("bootstrap admin", run.Output);
    }

    [Theory]
    [InlineData(ServiceOptions.AddressVariable)]
    [InlineData(ServiceOptions.KeyVariable)]
    public async Task A_missing_address_or_key_is_a_usage_error_naming_the_variable_to_set(string missing)
    {
        var environment = CliRunner.Environment(hosts.Loopback());
        environment.Remove(missing);

        var run = await CliRunner.RunAsync(environment, "keys", "list");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(missing, run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task An_address_that_is_not_http_is_a_usage_error()
    {
        var run = await CliRunner.RunAsync(CliRunner.Environment(hosts.Loopback()), "keys", "list", "--api", "ftp://compliance.example/");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("not an http or https address", run.Error);
    }

    [Fact]
    public async Task A_refused_key_is_explained_without_echoing_it_even_in_verbose_output()
    {
        const string WrongKey = "cak_wrong-key-never-issued-0123456789-abcdefgh";
        var host = hosts.Loopback();

        var refused = await CliRunner.RunAsync(CliRunner.Environment(host, WrongKey), "keys", "list", "--verbose");
        var accepted = await CliRunner.RunAsync(host, "keys", "list", "--verbose");

        Assert.True(refused.ExitCode == ExitCodes.Rejected, refused.ToString());
        Assert.Contains("(401)", refused.Error);
        Assert.Contains(ServiceOptions.KeyVariable, refused.Error);
        Assert.Contains("> GET ", refused.Error); // the verbose log was written
        Assert.DoesNotContain(WrongKey, refused.Error + refused.Output);
        Assert.True(accepted.ExitCode == ExitCodes.Success, accepted.ToString());
        Assert.Contains($"API key from {ServiceOptions.KeyVariable}", accepted.Error);
        Assert.DoesNotContain(ComplianceApiHost.AdminKey, accepted.Error + accepted.Output);
    }

    [Fact]
    public async Task A_key_with_characters_no_key_has_is_refused_before_sending_without_showing_it()
    {
        const string PastedKey = "cak_pasted with a space-0123456789";

        var run = await CliRunner.RunAsync(CliRunner.Environment(hosts.Loopback(), PastedKey), "keys", "list", "-v");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.DoesNotContain("pasted", run.Error);
        Assert.DoesNotContain("> GET", run.Error);
    }

    [Fact]
    public async Task A_service_that_cannot_be_reached_exits_with_3()
    {
        var environment = CliRunner.Environment(hosts.Loopback());
        environment[ServiceOptions.AddressVariable] = $"http://127.0.0.1:{ClosedPort()}/";

        var run = await CliRunner.RunAsync(environment, "keys", "list");

        Assert.True(run.ExitCode == ExitCodes.Unreachable, run.ToString());
        Assert.Contains("Could not reach the service", run.Error);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("keys", "list", "--no-such-option")]
    [InlineData("keys")]
    [InlineData("statement", "--committee", "not-an-id")]
    [InlineData("keys", "revoke")]
    public async Task A_command_line_the_tool_does_not_understand_is_a_usage_error_with_exit_code_2(params string[] args)
    {
        var run = await CliRunner.RunAsync(CliRunner.Environment(hosts.Loopback()), args);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("compliance --help", run.Error);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_the_exit_codes()
    {
        var run = await CliRunner.RunAsync(new Dictionary<string, string>(), "--help");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("compliance [command] [options]", run.Output);
        Assert.Contains("statement", run.Output);
        Assert.Contains("keys", run.Output);
        Assert.Contains("3 the service could not be reached", run.Output);
    }

    [Fact]
    public async Task An_access_token_from_the_environment_or_the_token_option_is_sent_instead_of_a_key_and_never_echoed()
    {
        var host = hosts.Loopback();
        var environment = CliRunner.Environment(host);
        environment.Remove(ServiceOptions.KeyVariable);
        environment[ServiceOptions.TokenVariable] = TestIdentityProvider.Token(TestIdentityProvider.NationalTenant, roles: ["Compliance.Admin"]);
        var expired = TestIdentityProvider.Token(TestIdentityProvider.NationalTenant, roles: ["Compliance.Admin"],
            expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddHours(-1));

        var accepted = await CliRunner.RunAsync(environment, "keys", "list", "--verbose");
        var refused = await CliRunner.RunAsync(environment, "keys", "list", "--token", expired, "--verbose");

        Assert.True(accepted.ExitCode == ExitCodes.Success, accepted.ToString());
        Assert.Contains("bootstrap admin", accepted.Output);
        Assert.Contains($"access token from {ServiceOptions.TokenVariable}", accepted.Error);
        Assert.True(refused.ExitCode == ExitCodes.Rejected, refused.ToString());
        Assert.Contains("(401)", refused.Error);
        Assert.Contains(ServiceOptions.TokenVariable, refused.Error);
        Assert.DoesNotContain(expired, refused.Error + refused.Output);
    }

    // A port that was free a moment ago and has no listener now.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
