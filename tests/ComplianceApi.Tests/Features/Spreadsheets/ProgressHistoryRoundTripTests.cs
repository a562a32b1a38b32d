using ComplianceApi.Domain;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Spreadsheets;

/// <summary>
/// Whatever history the domain lets a response hold, its export loads back unchanged. Histories are
/// generated: entries on one day, identical ones among them (same day, status and narrative, which the
/// import's natural key cannot tell apart), narratives a spreadsheet would run as formulas, and a
/// response closed after implementation.
/// </summary>
public sealed class ProgressHistoryRoundTripTests(TestHosts hosts)
{
    // Few cases, each a new inspection written through the API: enough to meet identical entries every run, quick enough for every build.
    private const int Cases = 12;

    private static readonly DateOnly FirstDay = new(2015, 7, 10);

    private static readonly string[] Narratives =
    [
        "Board noted progress.",
        "Board noted progress.",
        "=Strategy agreed at the SMB",
        "-2 actions outstanding; NSPIS records cannot be deleted.",
    ];

    /// <summary>One entry as generated: days after the previous entry (often none), status, RAG and narrative.</summary>
    public sealed record GeneratedEntry(int DaysAfter, ResponseStatus Status, Rag? Rag, string Narrative);

    /// <summary>The histories of City of London's and Lancashire's responses to one finding, and the format exported.</summary>
    public sealed record GeneratedCase(IReadOnlyList<GeneratedEntry> CityOfLondon, IReadOnlyList<GeneratedEntry> Lancashire, bool Xlsx)
    {
        public override string ToString() =>
            $"{(Xlsx ? "xlsx" : "csv")}; city-of-london: {string.Join(", ", CityOfLondon)}; lancashire: {string.Join(", ", Lancashire)}";
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Any_history_the_domain_allows_exported_and_loaded_back_dry_and_for_real_reports_every_row_unchanged_and_writes_nothing(
        Provider provider)
    {
        var host = await hosts.For(provider);
        var entry =
            from days in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 40)))
            from status in Gen.Elements(ResponseStatus.NotStarted, ResponseStatus.InProgress, ResponseStatus.Implemented, ResponseStatus.Closed)
            from rag in Gen.Elements<Rag?>(null, Rag.Amber, Rag.Green)
            from narrative in Gen.Elements(Narratives)
            select new GeneratedEntry(days, status, rag, narrative);
        var history = entry.ListOf().Select(entries => Allowed([.. entries.Take(8)]));
        var cases =
            from city in history
            from lancashire in history
            from xlsx in Gen.Elements(true, false)
            select new GeneratedCase(city, lancashire, xlsx);

        // FsCheck waits on each case's task itself: run off the test's context so that it cannot wait on itself.
        await Task.Run(() => Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(Cases).WithMaxRejected(Cases),
            Prop.ForAll(cases.ToArbitrary(), generated => RoundTripAsync(host, generated))), TestContext.Current.CancellationToken);
    }

    /// <summary>What the domain takes from a generated list: closing only an implemented response, and nothing after closing.</summary>
    private static List<GeneratedEntry> Allowed(List<GeneratedEntry> entries)
    {
        var allowed = new List<GeneratedEntry>();
        foreach (var entry in entries)
        {
            var previous = allowed.LastOrDefault()?.Status;
            allowed.Add(entry.Status == ResponseStatus.Closed && previous != ResponseStatus.Implemented
                ? entry with { Status = ResponseStatus.Implemented }
                : entry);
            if (allowed[^1].Status == ResponseStatus.Closed)
            {
                break;
            }
        }

        return allowed;
    }

    private static async Task RoundTripAsync(ComplianceApiHost host, GeneratedCase generated)
    {
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync();
        var reference = inspection.Reference;
        var finding = await host.CreateFindingAsync(inspection.Id, "Recommendation 8");
        await RecordAsync(admin, finding, CityOfLondon, generated.CityOfLondon);
        await RecordAsync(admin, finding, Lancashire, generated.Lancashire);
        var rows = generated.CityOfLondon.Count + generated.Lancashire.Count;
        var format = generated.Xlsx ? "Xlsx" : "Csv";
        var file = await admin.DownloadAsync($"/api/v1/exports?inspectionReference={reference}&kind=ProgressUpdates&format={format}",
            generated.Xlsx ? SpreadsheetDocuments.Xlsx : SpreadsheetDocuments.Csv);
        var fileName = generated.Xlsx ? "updates.xlsx" : "updates.csv";
        var before = await host.StoredStateAsync(reference);

        var dryRun = await admin.LoadAsync(file, "?kind=ProgressUpdates&dryRun=true", fileName);
        var realRun = await admin.LoadAsync(file, "?kind=ProgressUpdates", fileName);

        foreach (var report in new[] { dryRun, realRun })
        {
            Assert.Equal(new ImportCounts(0, 0, rows, 0), report.Counts);
            Assert.All(report.Rows, r => Assert.Equal(ImportOutcome.Unchanged, r.Outcome));
        }

        Assert.True(realRun.Applied);
        Assert.Equal(before, await host.StoredStateAsync(reference));
    }

    private static async Task RecordAsync(HttpClient admin, TestFinding finding, string force, IReadOnlyList<GeneratedEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var response = await admin.CreateResponseAsync(finding.Id, Response(force));
        var day = FirstDay;
        foreach (var entry in entries)
        {
            day = day.AddDays(entry.DaysAfter);
            await admin.RecordUpdateAsync(response.Id, Update(day, entry.Status, entry.Rag, entry.Narrative,
                signedOffBy: entry.Status == ResponseStatus.Closed ? "Assistant Commissioner" : null));
        }
    }
}
