using System.Net;
using ComplianceApi.Cli.Common;
using ComplianceApi.Data;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Features.Spreadsheets.ImportTestRows;
using SpreadsheetUploads = ComplianceApi.Tests.Features.Spreadsheets.SpreadsheetUploads;

namespace ComplianceApi.Tests.Cli;

public sealed class ImportCommandTests(TestHosts hosts) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("compliance-cli-import-");

    [Fact]
    public async Task A_dry_run_prints_what_each_row_would_do_and_the_service_stores_nothing()
    {
        var host = hosts.Loopback();
        var inspection = Unique.Slug("cli-import");
        var file = await FindingsCsvAsync("findings.csv", Finding(inspection, "Recommendation 1"), Finding(inspection, "Recommendation 2"));

        var run = await CliRunner.RunAsync(host, "import", file, "--kind", "Findings", "--dry-run", "--show", "all");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Dry run of findings.csv, nothing written: 2 to create, 0 to update, 0 unchanged, 0 rejected.", run.Error);
        Assert.Matches(@"Created\s*│\s*2", run.Output);
        Assert.Matches($@"{inspection} / Recommendation 1\s*│\s*Created", run.Output);
        Assert.Matches($@"{inspection} / Recommendation 2\s*│\s*Created", run.Output);
        Assert.Empty(await ExportedFindingsAsync(host, inspection));
    }

    [Fact]
    public async Task A_real_run_writes_every_row_and_says_how_many_were_created()
    {
        var host = hosts.Loopback();
        var inspection = Unique.Slug("cli-import");
        var file = await FindingsCsvAsync("findings.csv", Finding(inspection, "Recommendation 1"), Finding(inspection, "Recommendation 2"));

        var run = await CliRunner.RunAsync(host, "import", file, "--kind", "Findings");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Loaded findings.csv in one transaction. Created 2, updated 0, unchanged 0.", run.Error);
        Assert.Matches(@"Rejected\s*│\s*0", run.Output);
        Assert.DoesNotContain("Reason", run.Output); // no rejected rows, so no table of them
        Assert.Equal(["Recommendation 1", "Recommendation 2"], await ExportedFindingsAsync(host, inspection));
    }

    [Fact]
    public async Task Loading_the_same_file_twice_reports_every_row_unchanged_the_second_time()
    {
        var host = hosts.Loopback();
        var inspection = Unique.Slug("cli-import");
        var file = await FindingsCsvAsync("findings.csv", Finding(inspection, "Recommendation 1"), Finding(inspection, "Recommendation 2"));
        var first = await CliRunner.RunAsync(host, "import", file, "--kind", "Findings");
        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());

        var second = await CliRunner.RunAsync(host, "import", file, "--kind", "Findings", "--show", "all");

        Assert.True(second.ExitCode == ExitCodes.Success, second.ToString());
        Assert.Contains("Created 0, updated 0, unchanged 2.", second.Error);
        Assert.Matches($@"{inspection} / Recommendation 1\s*│\s*Unchanged", second.Output);
        Assert.Matches($@"{inspection} / Recommendation 2\s*│\s*Unchanged", second.Output);
        Assert.Equal(["Recommendation 1", "Recommendation 2"], await ExportedFindingsAsync(host, inspection));
    }

    [Fact]
    public async Task A_file_with_a_rejected_row_prints_the_row_column_and_reason_exits_1_and_writes_nothing()
    {
        var host = hosts.Loopback();
        var inspection = Unique.Slug("cli-import");
        var file = await FindingsCsvAsync("findings.csv",
            Finding(inspection, "Recommendation 1"), Finding(inspection, "Recommendation 2", deadline: "by spring 2016"));

        var dryRun = await CliRunner.RunAsync(host, "import", file, "--kind", "Findings", "--dry-run");
        var realRun = await CliRunner.RunAsync(host, "import", file, "--kind", "Findings", "--verbose");

        Assert.True(dryRun.ExitCode == ExitCodes.Rejected, dryRun.ToString());
        Assert.Contains("1 to create, 0 to update, 0 unchanged, 1 rejected. A real run would be refused", dryRun.Error);
        Assert.True(realRun.ExitCode == ExitCodes.Rejected, realRun.ToString());
        Assert.Contains("Refused findings.csv: 1 of 2 rows are rejected; nothing was written.", realRun.Error);
        foreach (var run in new[] { dryRun, realRun })
        {
            Assert.Matches(@"Sheet\s*│\s*Row\s*│\s*Key\s*│\s*Column\s*│\s*Reason", run.Output);
            Assert.Matches($@"Findings\s*│\s*3\s*│\s*{inspection} / Recommendation 2\s*│\s*Deadline\s*│\s*The deadline ""by spring 2016"" cannot be resolved", run.Output);
            Assert.DoesNotContain("Recommendation 1", run.Output); // accepted rows are counted, not listed
            Assert.Matches(@"Rejected\s*│\s*1", run.Output);
            Assert.DoesNotContain(ComplianceApiHost.AdminKey, run.Output + run.Error);
        }

        Assert.Empty(await ExportedFindingsAsync(host, inspection));
    }

    [Fact]
    public async Task A_response_exported_edited_and_imported_back_is_the_one_row_updated()
    {
        var host = hosts.Loopback();
        var inspection = Unique.Slug("cli-import");
        await host.AdminClient().LoadAsync(WholeWorkbook(inspection));
        var exported = Path.Combine(_folder.FullName, "responses.csv");
        var export = await CliRunner.RunAsync(host, "export", "--kind", "Responses", "--inspection", inspection, "-o", exported);
        Assert.True(export.ExitCode == ExitCodes.Success, export.ToString());

        var rows = SpreadsheetFiles.ReadCsv(await File.ReadAllBytesAsync(exported, TestContext.Current.CancellationToken));
        var owner = rows[0].IndexOf("Owner name");
        var lancashire = rows.FindIndex(r => r[0] == Lancashire);
        rows[lancashire][owner] = "Head of Information Assurance";
        await File.WriteAllBytesAsync(exported, SpreadsheetUploads.Csv(new TestSheet("Responses", rows[0], rows[1..])), TestContext.Current.CancellationToken);
        var run = await CliRunner.RunAsync(host, "import", exported, "--kind", "Responses");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Created 0, updated 1, unchanged 1.", run.Error);
        var served = SpreadsheetFiles.ReadCsv(await host.AdminClient().DownloadAsync(
            $"/api/v1/exports?kind=Responses&format=Csv&inspectionReference={inspection}", SpreadsheetDocuments.Csv));
        Assert.Equal("Head of Information Assurance", served.Single(r => r[0] == Lancashire)[owner]);
        Assert.Equal("Detective Superintendent Information Management", served.Single(r => r[0] == CityOfLondon)[owner]);
    }

    [Fact]
    public async Task A_large_file_streams_to_the_service_and_outside_a_terminal_prints_the_report_without_progress()
    {
        var host = hosts.Loopback();
        var inspection = Unique.Slug("cli-import");
        // Over the 1 MB from which a terminal would show a progress bar.
        var rows = Enumerable.Range(1, 3_000).Select(n => Finding(inspection, $"Recommendation {n}")).ToArray();
        var file = await FindingsCsvAsync("large.csv", rows);
        Assert.True(new FileInfo(file).Length > 1024 * 1024);

        var run = await CliRunner.RunAsync(host, "import", file, "--kind", "Findings", "--dry-run");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal($"Dry run of large.csv, nothing written: 3,000 to create, 0 to update, 0 unchanged, 0 rejected.{Environment.NewLine}", run.Error);
        Assert.Matches(@"Created\s*│\s*3,000", run.Output);
    }

    [Fact]
    public async Task A_file_that_does_not_exist_is_a_usage_error_before_any_request()
    {
        var host = hosts.Loopback();
        var missing = Path.Combine(_folder.FullName, "no-such-file.xlsx");

        var run = await CliRunner.RunAsync(host, "import", missing, "--verbose");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains($"{missing} does not exist.", run.Error);
        Assert.DoesNotContain("> POST", run.Error);
    }

    [Fact]
    public async Task A_file_over_the_row_limit_is_refused_with_the_advice_to_split_it()
    {
        await using var host = new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = Path.Combine(_folder.FullName, "limited"),
            ["Spreadsheets:MaxRows"] = "1",
        }).StartOnLoopback();
        var inspection = Unique.Slug("cli-import");
        var file = await FindingsCsvAsync("findings.csv", Finding(inspection, "Recommendation 1"), Finding(inspection, "Recommendation 2"));

        var run = await CliRunner.RunAsync(host, "import", file, "--kind", "Findings");

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        Assert.Contains("(413)", run.Error);
        Assert.Contains("more than 1 rows", run.Error);
        Assert.Contains("over the size or row limit of one load; split the file", run.Error);
        Assert.Empty(run.Output);
    }

    private async Task<string> FindingsCsvAsync(string name, params string?[][] rows)
    {
        var path = Path.Combine(_folder.FullName, name);
        await File.WriteAllBytesAsync(path, SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Findings, rows)), TestContext.Current.CancellationToken);
        return path;
    }

    /// <summary>
    /// The finding references the service exports for the inspection: what it stored, asked through the API.
    /// Empty when the service knows no inspection of that reference (the export refuses it by name).
    /// </summary>
    private static async Task<List<string>> ExportedFindingsAsync(ComplianceApiHost host, string inspection)
    {
        var url = $"/api/v1/exports?kind=Findings&format=Csv&inspectionReference={inspection}";
        using var response = await host.AdminClient().GetAsync(url, TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Contains($"No inspection has reference '{inspection}'", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return [];
        }

        var rows = SpreadsheetFiles.ReadCsv(await host.AdminClient().DownloadAsync(url, SpreadsheetDocuments.Csv));
        var reference = rows[0].IndexOf("Finding reference");
        return [.. rows.Skip(1).Select(r => r[reference]).Order(StringComparer.Ordinal)];
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
