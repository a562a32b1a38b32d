using System.Text;
using ComplianceApi.Cli.Common;
using ComplianceApi.Domain;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Cli;

public sealed class ExportCommandTests(TestHosts hosts) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("compliance-cli-export-");

    [Fact]
    public async Task One_kind_goes_to_stdout_as_the_csv_the_service_exports()
    {
        var host = hosts.Loopback();
        var reference = await InspectionWithFindingsAsync(host);

        var run = await CliRunner.RunAsync(host, "export", "--kind", "Findings", "--inspection", reference);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var served = await host.AdminClient().DownloadAsync(
            $"/api/v1/exports?kind=Findings&format=Csv&inspectionReference={reference}", SpreadsheetDocuments.Csv);
        Assert.Equal(Encoding.UTF8.GetString(served), run.Output);
        Assert.Equal(3, SpreadsheetFiles.ReadCsv(served).Count);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Every_kind_goes_to_a_workbook_when_the_output_file_is_xlsx()
    {
        var host = hosts.Loopback();
        var reference = await InspectionWithFindingsAsync(host);
        var file = Path.Combine(_folder.FullName, "everything.xlsx");

        var run = await CliRunner.RunAsync(host, "export", "--inspection", reference, "-o", file);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"Wrote every kind (Xlsx, {new FileInfo(file).Length:N0} bytes) to {file}", run.Error);
        var workbook = SpreadsheetFiles.ReadXlsx(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal(SpreadsheetLayouts.All.Select(l => l.SheetName), workbook.Select(s => s.Name));
        var findings = workbook.Single(s => s.Name == SpreadsheetLayouts.Findings.SheetName).Rows;
        Assert.Equal(["Recommendation 1", "Recommendation 2"], findings.Skip(1).Select(r => r[findings[0].IndexOf("Finding reference")]));
    }

    [Fact]
    public async Task A_csv_of_every_kind_is_refused_before_asking_the_service()
    {
        var host = hosts.Loopback();

        var run = await CliRunner.RunAsync(host, "export", "--format", "Csv", "--verbose");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("give --kind", run.Error);
        Assert.DoesNotContain("> GET", run.Error);
    }

    [Fact]
    public async Task The_template_is_written_to_a_file_with_a_sheet_of_every_kind_and_the_notes()
    {
        var host = hosts.Loopback();
        var file = Path.Combine(_folder.FullName, "template.xlsx");

        var run = await CliRunner.RunAsync(host, "template", "--output", file);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var sheets = SpreadsheetFiles.ReadXlsx(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal([.. SpreadsheetLayouts.All.Select(l => l.SheetName), "Notes"], sheets.Select(s => s.Name));
        Assert.Equal(SpreadsheetLayouts.Responses.LoadedColumns.Select(c => c.Header), sheets[1].Rows[0]);
    }

    private static async Task<string> InspectionWithFindingsAsync(ComplianceApiHost host)
    {
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync(
            TestData.Inspection(Unique.Slug("cli-export"), forcesInScope: [Lancashire], type: InspectionType.Force));
        await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation("Recommendation 1"));
        await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation("Recommendation 2"));
        return inspection.Reference;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
