using System.Net;
using ComplianceApi.Data;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Features.Spreadsheets.ImportTestRows;

namespace ComplianceApi.Tests.Features.Spreadsheets;

public sealed class ImportLimitsTests
{
    [Fact]
    public async Task Files_over_the_size_or_row_limit_are_refused_with_413()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"compliance-limits-{Guid.NewGuid():N}");
        await using var host = new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = folder,
            ["Spreadsheets:MaxFileBytes"] = "4000",
            ["Spreadsheets:MaxRows"] = "3",
        });
        var admin = host.AdminClient();
        string?[] Row(int day) => Update(CityOfLondon, "building-the-picture", "Recommendation 1", $"2015-10-{day:00}", "InProgress", "Under way.");

        var large = await (await admin.ImportAsync(SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.ProgressUpdates,
                [.. Enumerable.Range(1, 80).Select(d => Row(d % 28 + 1))])), "?kind=ProgressUpdates", "updates.csv"))
            .ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("4,000", large.Detail);

        var many = await (await admin.ImportAsync(SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.ProgressUpdates,
                [.. Enumerable.Range(1, 4).Select(Row)])), "?kind=ProgressUpdates", "updates.csv"))
            .ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The file holds more than 3 rows, the most one load takes (setting Spreadsheets:MaxRows); split it into smaller files.", many.Detail);

        var three = await (await admin.ImportAsync(SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.ProgressUpdates,
            [.. Enumerable.Range(1, 3).Select(Row)])), "?kind=ProgressUpdates", "updates.csv")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"rejected\":3", three, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_running_service_refuses_an_oversized_upload_with_413_and_says_the_limit()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"compliance-limits-{Guid.NewGuid():N}");
        await using var host = new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = folder,
            ["Spreadsheets:MaxFileBytes"] = "4000",
        }).StartOnLoopback();
        var admin = host.AdminClient();
        byte[] Upload(int rows) => SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.ProgressUpdates,
            [.. Enumerable.Range(1, rows).Select(r => Update(CityOfLondon, "building-the-picture", "Recommendation 1", "2015-10-01", "InProgress", $"Entry {r}."))]));

        // Over the file limit, within the request's: the form reader stops at the limit. Far over both: Kestrel stops reading the body.
        foreach (var rows in new[] { 100, 5_000 })
        {
            var upload = Upload(rows);
            var problem = await (await admin.ImportAsync(upload, "?kind=ProgressUpdates", "updates.csv")).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            Assert.True(upload.Length > 4000, $"the upload of {rows} rows has {upload.Length} bytes");
            Assert.Equal("The upload is larger than the 4,000 bytes this endpoint accepts.", problem.Detail);
        }
    }
}
