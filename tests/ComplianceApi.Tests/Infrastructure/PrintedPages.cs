using System.Text.Json;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>
/// What Debian's Chromium printed from a page (print-page.mjs): the PDF's pages, each page's running footer
/// ("Page 2 of 6", read back from the PDF), and what the rendered page held.
/// </summary>
public sealed record PrintedPage(
    int Pages,
    IReadOnlyList<string?> Footers,
    int PrintWidth,
    IReadOnlyList<string> PrintOverflow,
    IReadOnlyList<string>? ScreenOverflow,
    IReadOnlyList<string> Requests,
    string Lang,
    string Title,
    IReadOnlyList<string> Headings,
    int ColumnHeaders,
    int RowHeaders,
    int Scripts,
    string Text);

/// <summary>Prints a page of the service to PDF in Debian's Chromium through playwright-core (never a downloaded browser).</summary>
public static class PrintedPages
{
    private const string ChromiumSetting = "COMPLIANCE_CHROMIUM";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The browser's path, or null when it is not installed (the test then skips).</summary>
    public static string? Chromium()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumSetting);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
    }

    /// <summary>"Page 1 of n" to "Page n of n": the footer every printed page should carry.</summary>
    public static IEnumerable<string?> NumberedFooters(int pages) => Enumerable.Range(1, pages).Select(page => $"Page {page} of {pages}");

    public static void SkipWithoutChromium()
    {
        if (Chromium() is null)
        {
            Assert.Skip($"Chromium was not found at /usr/bin/chromium nor at the path in {ChromiumSetting}: apt-get install chromium to run the printing tests.");
        }
    }

    /// <param name="html">The page, as the service answered it; printed from a file so the browser needs no key.</param>
    /// <param name="printWidthMm">The printable width: 277 for A4 landscape with 10 mm margins, 190 for portrait.</param>
    /// <param name="screenWidth">Also lays the page out on a screen this wide (CSS pixels) and reports what overflows.</param>
    public static async Task<PrintedPage> PrintAsync(string html, int printWidthMm, int? screenWidth = null)
    {
        await NodeTools.EnsureInstalledAsync(TestContext.Current.CancellationToken);
        var folder = Directory.CreateTempSubdirectory("printed-page-");
        try
        {
            var page = Path.Combine(folder.FullName, "page.html");
            await File.WriteAllTextAsync(page, html, TestContext.Current.CancellationToken);
            var environment = new Dictionary<string, string>
            {
                ["PAGE_URL"] = new Uri(page).AbsoluteUri,
                ["PDF"] = Path.Combine(folder.FullName, "page.pdf"),
                ["CHROMIUM"] = Chromium()!,
                ["PRINT_WIDTH_MM"] = printWidthMm.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (screenWidth is { } width)
            {
                environment["SCREEN_WIDTH"] = width.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var output = await ExternalProcess.RunAsync(
                "node", [Path.Combine(Repository.Root, "tests", "ComplianceApi.Tests", "Infrastructure", "print-page.mjs")],
                Repository.Root, TimeSpan.FromMinutes(3), environment, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(output.ExitCode == 0, $"Printing the page failed. {output}");
            return JsonSerializer.Deserialize<PrintedPage>(output.StandardOutput.Trim().Split('\n')[^1], Json)!;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
