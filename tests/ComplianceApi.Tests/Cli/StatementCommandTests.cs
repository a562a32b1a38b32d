using System.Net;
using System.Text;
using ComplianceApi.Cli.Common;
using ComplianceApi.Domain;
using ComplianceApi.Tests.Features.Statements;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Cli;

public sealed class StatementCommandTests(TestHosts hosts) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("compliance-cli-statement-");

    [Theory]
    [InlineData("Csv")]
    [InlineData("Html")]
    [InlineData("Json")]
    public async Task A_preview_as_of_a_date_goes_to_stdout_exactly_as_the_service_serves_it(string format)
    {
        var host = hosts.Loopback();
        var scenario = await ForceScenario.CreateAsync(host);
        var committee = await scenario.CreateCommitteeAsync(host.AdminClient());

        var run = await CliRunner.RunAsync(host, "statement", "--committee", committee.Id.ToString(), "--as-of", "2016-01-07", "--format", format.ToLowerInvariant());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var served = await DownloadAsync(host, $"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07&format={format}");
        Assert.Equal(Text(served), run.Output);
        Assert.Contains("Recommendation 8", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task An_issued_statement_is_written_to_a_file_in_the_format_its_extension_names()
    {
        var host = hosts.Loopback();
        var (report, lines) = await IssuedStatementAsync(host);
        var workbook = Path.Combine(_folder.FullName, "appendix-a.xlsx");
        var csv = Path.Combine(_folder.FullName, "appendix-a.csv");

        var asWorkbook = await CliRunner.RunAsync(host, "statement", "--report", report.ToString(), "--output", workbook);
        var asCsv = await CliRunner.RunAsync(host, "statement", "--report", report.ToString(), "-o", csv);

        Assert.True(asWorkbook.ExitCode == ExitCodes.Success, asWorkbook.ToString());
        Assert.True(asCsv.ExitCode == ExitCodes.Success, asCsv.ToString());
        Assert.Contains($"(Xlsx, {new FileInfo(workbook).Length:N0} bytes) to {workbook}", asWorkbook.Error);
        Assert.Empty(asWorkbook.Output);
        var served = await DownloadAsync(host, $"/api/v1/committee-reports/{report}/statement?format=Csv");
        Assert.Equal(served, await File.ReadAllBytesAsync(csv, TestContext.Current.CancellationToken));
        var rows = ComplianceApi.Tests.Features.Spreadsheets.SpreadsheetFiles.ReadCsv(served);
        Assert.Equal(lines + 1, rows.Count);
        // The workbook holds the CSV's rows, in people's words where the CSV has codes.
        var words = StatementDocumentsTests.ReadXlsx(await File.ReadAllBytesAsync(workbook, TestContext.Current.CancellationToken));
        Assert.Equal(rows.Count, words.Count);
        Assert.Equal(rows[0], words[0]);
        int section = rows[0].IndexOf("Section"), finding = rows[0].IndexOf("Finding"), status = rows[0].IndexOf("Status");
        Assert.Equal(rows.Skip(1).Select(r => r[finding]), words.Skip(1).Select(r => r[finding]));
        Assert.Equal(rows.Skip(1).Select(r => Words.Of(Enum.Parse<StatementSection>(r[section]))), words.Skip(1).Select(r => r[section]));
        Assert.Equal(rows.Skip(1).Select(r => Words.Of(Enum.Parse<ResponseStatus>(r[status]))), words.Skip(1).Select(r => r[status]));
        var implemented = rows.FindIndex(r => r[section] == "Implemented");
        Assert.True(implemented > 0, "The statement has a line implemented since last reported.");
        Assert.Equal("Implemented since last reported", words[implemented][section]);
        Assert.Equal(["appendix-a.csv", "appendix-a.xlsx"], _folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_existing_file_is_kept_unless_force_is_given()
    {
        var host = hosts.Loopback();
        var (report, _) = await IssuedStatementAsync(host);
        var file = Path.Combine(_folder.FullName, "statement.html");
        await File.WriteAllTextAsync(file, "the committee's own notes", TestContext.Current.CancellationToken);

        var refused = await CliRunner.RunAsync(host, "statement", "--report", report.ToString(), "-o", file, "--verbose");

        Assert.True(refused.ExitCode == ExitCodes.Usage, refused.ToString());
        Assert.Contains("--force", refused.Error);
        Assert.DoesNotContain("> GET", refused.Error); // refused before asking the service
        Assert.Equal("the committee's own notes", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));

        var forced = await CliRunner.RunAsync(host, "statement", "--report", report.ToString(), "-o", file, "--force");

        Assert.True(forced.ExitCode == ExitCodes.Success, forced.ToString());
        Assert.Equal(Text(await DownloadAsync(host, $"/api/v1/committee-reports/{report}/statement?format=Html")),
            await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_workbook_is_not_written_to_stdout()
    {
        var host = hosts.Loopback();
        var (report, _) = await IssuedStatementAsync(host);

        var run = await CliRunner.RunAsync(host, "statement", "--report", report.ToString(), "--format", "Xlsx");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("--output", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task A_committee_the_service_does_not_know_is_reported_as_not_found_and_leaves_no_file()
    {
        var file = Path.Combine(_folder.FullName, "statement.csv");

        var run = await CliRunner.RunAsync(hosts.Loopback(), "statement", "--committee", Guid.NewGuid().ToString(), "-o", file);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        Assert.Contains("(404)", run.Error);
        Assert.Contains("cannot see", run.Error);
        Assert.Empty(_folder.GetFileSystemInfos());
    }

    [Theory]
    [InlineData("--committee", "--report")]
    [InlineData("--report", "--as-of")]
    public async Task A_preview_and_an_issued_statement_are_not_asked_for_at_once(string first, string second)
    {
        var value = second == "--as-of" ? "2016-01-07" : Guid.NewGuid().ToString();

        var run = await CliRunner.RunAsync(hosts.Loopback(), "statement", first, Guid.NewGuid().ToString(), second, value);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("--committee", run.Error);
    }

    [Fact]
    public async Task Asking_for_neither_a_committee_nor_a_report_is_a_usage_error()
    {
        var run = await CliRunner.RunAsync(hosts.Loopback(), "statement", "--format", "Csv");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("Give either --committee", run.Error);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    // A report to the force's committee on 7 January 2016 with its statement issued; its id and line count.
    private static async Task<(Guid Report, int Lines)> IssuedStatementAsync(ComplianceApiHost host)
    {
        var admin = host.AdminClient();
        var scenario = await ForceScenario.CreateAsync(host);
        var committee = await scenario.CreateCommitteeAsync(admin);
        var report = await ForceScenario.CreateReportAsync(admin, committee.Id, "Pol 49/15", ForceScenario.ReportDate);
        var statement = await ForceScenario.IssueAsync(admin, report.Id);
        return (report.Id, statement.Lines.Count);
    }

    private static async Task<byte[]> DownloadAsync(ComplianceApiHost host, string url)
    {
        using var response = await host.AdminClient().GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(body));
        return body;
    }

    private static string Text(byte[] document)
    {
        using var reader = new StreamReader(new MemoryStream(document), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
