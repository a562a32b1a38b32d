using ComplianceApi.Cli.Common;
using ComplianceApi.Data;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Features.Spreadsheets.ImportTestRows;
using SpreadsheetUploads = ComplianceApi.Tests.Features.Spreadsheets.SpreadsheetUploads;

namespace ComplianceApi.Tests.Cli;

/// <summary>
/// A write whose answer the network loses is sent again with the same Idempotency-Key and leaves exactly
/// what one write would.
/// </summary>
public sealed class LostAnswersTests(TestHosts hosts) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("compliance-cli-lost-answers-");

    [Fact]
    public async Task A_key_whose_answer_was_lost_is_asked_for_again_with_its_idempotency_key_and_issued_once()
    {
        var host = hosts.Loopback();
        await using var proxy = new AnswerLosingProxy(host.ServerAddress, "POST", answersToLose: 1);
        var clientName = Unique.Slug("lost-answer-tracker");

        var created = await CliRunner.RunAsync(Through(proxy, host), "keys", "create", "--client-name", clientName, "--role", "Reader", "--force-code", "dorset");

        Assert.True(created.ExitCode == ExitCodes.Success, created.ToString());
        Assert.Equal(1, proxy.Lost);
        Assert.Contains("Issuing the key: the connection failed before the answer arrived; sending it again", created.Error);
        var secret = created.Output.Trim();
        var listed = await CliRunner.RunAsync(host, "keys", "list", "--force-code", "dorset");
        Assert.Single(listed.Output.Split('\n'), line => line.Contains(clientName, StringComparison.Ordinal));
        var listedWithIt = await CliRunner.RunAsync(CliRunner.Environment(host, secret), "keys", "list");
        Assert.Contains("(403)", listedWithIt.Error); // the secret printed is the one key's: a Reader, known to the service
    }

    [Fact]
    public async Task A_load_whose_answer_was_lost_is_sent_again_and_answered_with_the_first_runs_report()
    {
        var host = hosts.Loopback();
        await using var proxy = new AnswerLosingProxy(host.ServerAddress, "POST", answersToLose: 1);
        var inspection = Unique.Slug("cli-lost-load");
        var file = Path.Combine(_folder.FullName, "findings.csv");
        await File.WriteAllBytesAsync(file, SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Findings,
            Finding(inspection, "Recommendation 1"), Finding(inspection, "Recommendation 2"))), TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync(Through(proxy, host), "import", file, "--kind", "Findings");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(1, proxy.Lost);
        // Loaded twice, the second run would say unchanged: this is the first run's report, answered again.
        Assert.Contains("Loaded findings.csv in one transaction. Created 2, updated 0, unchanged 0.", run.Error);
        var exported = SpreadsheetFiles.ReadCsv(await host.AdminClient().DownloadAsync(
            $"/api/v1/exports?kind=Findings&format=Csv&inspectionReference={inspection}", SpreadsheetDocuments.Csv));
        var reference = exported[0].IndexOf("Finding reference");
        Assert.Equal(["Recommendation 1", "Recommendation 2"], exported.Skip(1).Select(r => r[reference]).Order(StringComparer.Ordinal));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static Dictionary<string, string> Through(AnswerLosingProxy proxy, ComplianceApiHost host)
    {
        var environment = CliRunner.Environment(host);
        environment[ServiceOptions.AddressVariable] = proxy.Address.ToString();
        return environment;
    }
}
