using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ComplianceApi.Tests.Features.Spreadsheets.ImportTestRows;

namespace ComplianceApi.Tests.Features.Spreadsheets;

public sealed class ImportSpreadsheetTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_workbook_loads_findings_then_the_responses_progress_actions_and_gradings_that_refer_to_them(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");

        var report = await host.AdminClient().LoadAsync(WholeWorkbook(inspection));

        Assert.True(report.Applied);
        Assert.False(report.DryRun);
        Assert.Equal(new ImportCounts(8, 0, 0, 0), report.Counts);
        Assert.Equal(
            [SpreadsheetKind.Findings, SpreadsheetKind.Findings, SpreadsheetKind.Responses, SpreadsheetKind.Responses, SpreadsheetKind.ProgressUpdates,
                SpreadsheetKind.ProgressUpdates, SpreadsheetKind.Actions, SpreadsheetKind.Gradings],
            report.Rows.Select(r => r.Kind));
        Assert.Equal($"{inspection} / Recommendation 1", report.Row(2, SpreadsheetKind.Findings).Key);
        Assert.Equal($"{CityOfLondon} / {inspection} / Recommendation 1", report.Row(2, SpreadsheetKind.Responses).Key);
        await host.WithDatabaseAsync(async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            var findings = await db.Findings.Where(f => f.Inspection.Reference == inspection).OrderBy(f => f.Reference).ToListAsync(ct);
            Assert.Equal([new DateOnly(2016, 1, 2), new DateOnly(2016, 3, 31)], findings.Select(f => f.DueDate!.Value));
            Assert.Equal([DeadlineKind.Relative, DeadlineKind.FixedDate], findings.Select(f => f.DeadlineKind));
            var city = await db.ForceResponses.Include(r => r.Updates).SingleAsync(r => r.FindingId == findings[0].Id && r.ForceCode == CityOfLondon, ct);
            Assert.Equal(ResponseStatus.Implemented, city.Status);
            Assert.Equal(Rag.Green, city.Rag);
            Assert.Equal(new DateOnly(2016, 3, 31), city.TargetDate);
            Assert.Equal([new DateOnly(2015, 10, 1), new DateOnly(2015, 11, 1)], city.Updates.Select(u => u.EffectiveOn).Order());
            var lancashire = await db.ForceResponses.Include(r => r.Updates).SingleAsync(r => r.FindingId == findings[0].Id && r.ForceCode == Lancashire, ct);
            Assert.Equal(ResponseStatus.NotAssessed, lancashire.Status);
            Assert.Empty(lancashire.Updates);
            var action = await db.PlanActions.SingleAsync(a => a.Findings.Any(f => f.FindingId == findings[0].Id), ct);
            Assert.Equal(Lancashire, action.ForceCode);
            Assert.Equal(Grade.Good, (await db.Gradings.SingleAsync(g => g.InspectionId == findings[0].InspectionId, ct)).Grade);
        });
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Progress_on_stored_responses_loads_beside_entries_that_name_a_finding_the_same_workbook_creates(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");
        await host.AdminClient().LoadAsync(WholeWorkbook(inspection));
        string?[] superseded = [.. Update(Lancashire, inspection, "Recommendation 1", "2015-12-01", "Superseded", "Replaced by Recommendation 9.")[..^1],
            $"{inspection}: Recommendation 9"];

        // The first entry refers only to stored rows and is written while the rest are checked; the second must wait for the new finding.
        var report = await host.AdminClient().LoadAsync(SpreadsheetUploads.Xlsx(
            SpreadsheetUploads.Sheet(SpreadsheetLayouts.Findings, Finding(inspection, "Recommendation 9")),
            SpreadsheetUploads.Sheet(SpreadsheetLayouts.ProgressUpdates,
                Update(CityOfLondon, inspection, "Recommendation 1", "2015-12-01", "Implemented", "Confirmed at the board.", "Green"),
                superseded)));

        Assert.Equal(new ImportCounts(3, 0, 0, 0), report.Counts);
        await host.WithDatabaseAsync(async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            var r9 = await db.Findings.SingleAsync(f => f.Inspection.Reference == inspection && f.Reference == "Recommendation 9", ct);
            var responses = await db.ForceResponses.AsNoTracking().Include(r => r.Updates)
                .Where(r => r.Finding.Inspection.Reference == inspection && r.Finding.Reference == "Recommendation 1").ToListAsync(ct);
            var lancashire = responses.Single(r => r.ForceCode == Lancashire);
            Assert.Equal((ResponseStatus.Superseded, r9.Id), (lancashire.Status, lancashire.SupersededByFindingId));
            Assert.Equal(3, responses.Single(r => r.ForceCode == CityOfLondon).Updates.Count);
        });
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Loading_the_same_workbook_twice_reports_every_row_unchanged_the_second_time_and_changes_nothing(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");
        var workbook = WholeWorkbook(inspection);
        await host.AdminClient().LoadAsync(workbook);
        var before = await host.StoredStateAsync(inspection);

        var again = await host.AdminClient().LoadAsync(workbook);

        Assert.True(again.Applied);
        Assert.Equal(new ImportCounts(0, 0, 8, 0), again.Counts);
        Assert.All(again.Rows, r => Assert.Empty(r.Problems));
        Assert.Equal(before, await host.StoredStateAsync(inspection));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_dry_run_reports_what_each_row_would_do_and_writes_nothing(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");
        var admin = host.AdminClient();

        var report = await admin.LoadAsync(WholeWorkbook(inspection), "?dryRun=true");

        Assert.True(report.DryRun);
        Assert.False(report.Applied);
        Assert.Equal(new ImportCounts(8, 0, 0, 0), report.Counts);
        Assert.Equal("none", await host.StoredStateAsync(inspection));

        // A dry run reports rejections too, with 200: it is a preview, not a refusal.
        var rejected = await admin.LoadAsync(SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Responses,
            Response(CityOfLondon, inspection, "Recommendation 1"))), "?dryRun=true&kind=Responses", "responses.csv");
        Assert.Equal(new ImportCounts(0, 0, 0, 1), rejected.Counts);
        Assert.Contains("No inspection has reference", rejected.Problem(2));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_changed_response_row_is_recorded_as_a_revision_a_progress_update_or_a_rebaselining_with_its_reason(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");
        var admin = host.AdminClient();
        await admin.LoadAsync(WholeWorkbook(inspection));
        byte[] Responses(params string?[][] rows) => SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Responses, rows));

        var changed = await admin.LoadAsync(Responses(
                Response(CityOfLondon, inspection, "Recommendation 1", status: "Implemented", rag: "Green", position: "Compliant across the archive."),
                Response(Lancashire, inspection, "Recommendation 1", owner: "Head of Information Assurance", status: "InProgress", position: "Strategy drafted.")),
            "?kind=Responses", "responses.csv");
        Assert.Equal(new ImportCounts(0, 1, 1, 0), changed.Counts);
        Assert.Equal(ImportOutcome.Unchanged, changed.Row(2).Outcome);
        Assert.Contains($"{Lancashire} v3", await host.StoredStateAsync(inspection)); // created, revised, progressed
        Assert.Contains("Head of Information Assurance", await host.StoredStateAsync(inspection));
        Assert.Contains("updates 1 revisions 2 changes 0", await host.StoredStateAsync(inspection));

        string?[] Moved(string? reason) => Response(Lancashire, inspection, "Recommendation 1", owner: "Head of Information Assurance",
            target: "2016-06-30", reason: reason, status: "InProgress", position: "Strategy drafted.");
        var moved = await admin.RejectedAsync(Responses(Moved(null)), "?kind=Responses", "responses.csv");
        Assert.Contains("Target date: The target date is 2016-03-31; moving it to 2016-06-30 is a re-baselining", moved.Problem(2));
        Assert.Contains("'Target date change reason'", moved.Problem(2));

        var rebaselined = await admin.LoadAsync(Responses(Moved("Awaiting the new records management system.")), "?kind=Responses", "responses.csv");
        Assert.Equal(ImportOutcome.Updated, rebaselined.Row(2).Outcome);
        await host.WithDatabaseAsync(async db =>
        {
            var change = await db.TargetDateChanges.SingleAsync(c => db.ForceResponses.Any(r => r.Id == c.ResponseId
                && r.ForceCode == Lancashire && r.Finding.Inspection.Reference == inspection), TestContext.Current.CancellationToken);
            Assert.Equal(new DateOnly(2016, 3, 31), change.PreviousTargetDate);
            Assert.Equal(new DateOnly(2016, 6, 30), change.NewTargetDate);
            Assert.Equal("Awaiting the new records management system.", change.Reason);
        });
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Formulas_are_refused_and_neutralised_cells_load_as_their_text(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");
        var admin = host.AdminClient();
        await admin.LoadAsync(WholeWorkbook(inspection));

        var workbook = await admin.RejectedAsync(SpreadsheetUploads.Xlsx(SpreadsheetUploads.Sheet(SpreadsheetLayouts.ProgressUpdates,
            Update(CityOfLondon, inspection, "Recommendation 1", "2015-12-01", "Implemented", "=HYPERLINK(\"http://evil.example\")"))));
        Assert.StartsWith("Narrative: The cell holds a formula", workbook.Problem(2));

        var csv = await admin.RejectedAsync(SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.ProgressUpdates,
                Update(CityOfLondon, inspection, "Recommendation 1", "2015-12-01", "Implemented", "@SUM(1+1)"),
                Update(CityOfLondon, inspection, "Recommendation 1", "2015-12-02", "Implemented", "'=Reviewed by the board"),
                Update(CityOfLondon, inspection, "Recommendation 1", "2015-12-03", "Implemented", "\"-1 open record left\""))),
            "?kind=ProgressUpdates", "updates.csv");
        Assert.StartsWith("Narrative: The cell holds a formula", csv.Problem(2));
        Assert.Equal(ImportOutcome.Created, csv.Row(3).Outcome);
        Assert.Equal($"{CityOfLondon} / {inspection} / Recommendation 1 / 2015-12-02 / Implemented / =Reviewed by the board", csv.Row(3).Key);
        Assert.Equal(ImportOutcome.Created, csv.Row(4).Outcome);
        Assert.EndsWith("/ -1 open record left", csv.Row(4).Key);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_finding_row_that_moves_the_deadline_moves_every_forces_response_to_it_in_the_lists(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");
        var admin = host.AdminClient();
        await admin.LoadAsync(WholeWorkbook(inspection));

        // City of London's response row comes with it, unchanged, so the load holds that response; Lancashire's it does not.
        var report = await admin.LoadAsync(SpreadsheetUploads.Xlsx(
            SpreadsheetUploads.Sheet(SpreadsheetLayouts.Findings, Finding(inspection, "Recommendation 1", "by 31 March 2016")),
            SpreadsheetUploads.Sheet(SpreadsheetLayouts.Responses,
                Response(CityOfLondon, inspection, "Recommendation 1", status: "Implemented", rag: "Green", position: "Compliant across the archive."))));

        Assert.Equal([ImportOutcome.Updated, ImportOutcome.Unchanged], report.Rows.Select(r => r.Outcome));
        Guid inspectionId = default;
        await host.WithDatabaseAsync(async db => inspectionId = await db.Inspections
            .Where(i => i.Reference == inspection).Select(i => i.Id).SingleAsync(TestContext.Current.CancellationToken));
        var dueOnTheNewDate = await admin.GetAsync<Page<ForceResponseView>>(
            $"/api/v1/responses?inspectionId={inspectionId}&dueFrom=2016-03-31&dueTo=2016-03-31&sort=Force");
        Assert.Equal([CityOfLondon, Lancashire], dueOnTheNewDate.Items.Select(r => r.ForceCode));
        Assert.Equal(2, dueOnTheNewDate.TotalCount);
    }
}
