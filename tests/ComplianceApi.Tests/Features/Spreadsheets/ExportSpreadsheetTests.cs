using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.InspectorateAssessments;
using ComplianceApi.Features.Responses;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Features.Spreadsheets.SpreadsheetFiles;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Spreadsheets;

public sealed class ExportSpreadsheetTests(TestHosts hosts)
{
    private const string Formula = "=HYPERLINK(\"http://example.invalid\",\"click\")";
    private const string Minus = "-2 systems still to review";
    private const string Npcc = "NPCC lead for information management";

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Every_kind_exports_to_csv_in_its_import_layout(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();

        foreach (var layout in SpreadsheetLayouts.All)
        {
            var rows = ReadCsv(await admin.DownloadAsync(scenario.Url($"kind={layout.Kind}&format=Csv"), SpreadsheetDocuments.Csv));
            Assert.Equal(layout.Columns.Select(c => c.Header), rows[0]);
            Assert.Equal(scenario.Expected(layout.Kind).Select(r => string.Join(" | ", r)), rows.Skip(1).Select(r => string.Join(" | ", r)));
        }
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_workbook_without_a_kind_has_a_sheet_of_every_kind_named_as_its_layout_holding_the_csv_rows(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();

        var workbook = ReadXlsx(await admin.DownloadAsync(scenario.Url("format=Xlsx"), SpreadsheetDocuments.Xlsx));

        Assert.Equal(SpreadsheetLayouts.All.Select(l => l.SheetName), workbook.Select(s => s.Name));
        foreach (var layout in SpreadsheetLayouts.All)
        {
            var csv = ReadCsv(await admin.DownloadAsync(scenario.Url($"kind={layout.Kind}&format=Csv"), SpreadsheetDocuments.Csv));
            Assert.Equal(csv, workbook.Single(s => s.Name == layout.SheetName).Rows);
        }

        var single = ReadXlsx(await admin.DownloadAsync(scenario.Url("kind=Gradings"), SpreadsheetDocuments.Xlsx));
        Assert.Equal("Gradings", Assert.Single(single).Name);
        Assert.Equal([SpreadsheetLayouts.Gradings.Columns.Select(c => c.Header), .. scenario.Expected(SpreadsheetKind.Gradings)], single[0].Rows);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_exported_with_a_leading_quote_in_csv_and_xlsx(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();

        var findingsCsv = ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Findings&format=Csv"), SpreadsheetDocuments.Csv));
        var updatesXlsx = ReadXlsx(await admin.DownloadAsync(scenario.Url("kind=ProgressUpdates&format=Xlsx"), SpreadsheetDocuments.Xlsx))[0].Rows;

        var text = findingsCsv[0].IndexOf(SpreadsheetLayouts.FindingText.Header);
        Assert.Equal("'" + Formula, findingsCsv[1][text]);
        var narrative = updatesXlsx[0].IndexOf(SpreadsheetLayouts.Narrative.Header);
        Assert.Equal("'" + Minus, updatesXlsx[1][narrative]);
        Assert.Equal("Done", updatesXlsx[2][narrative]);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_key_exports_only_its_own_forces_responses_updates_actions_and_gradings_and_the_findings_it_can_list(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportScenario.CreateAsync(host);
        var lancashire = await host.ClientAsync(ApiKeyRole.Reader, Lancashire);

        var workbook = ReadXlsx(await lancashire.DownloadAsync(scenario.Url("format=Xlsx"), SpreadsheetDocuments.Xlsx));

        foreach (var layout in SpreadsheetLayouts.All)
        {
            var expected = layout.Kind == SpreadsheetKind.Findings
                ? scenario.Expected(layout.Kind)
                : scenario.Expected(layout.Kind).Where(row => row[0] == Lancashire).ToList();
            Assert.Equal(expected, workbook.Single(s => s.Name == layout.SheetName).Rows.Skip(1));
        }

        Assert.NotEmpty(workbook.Single(s => s.Name == "ProgressUpdates").Rows.Skip(1));
        var cityResponses = ReadCsv(await lancashire.DownloadAsync(
            scenario.Url($"kind=Responses&format=Csv&forceCode={CityOfLondon}"), SpreadsheetDocuments.Csv));
        Assert.Single(cityResponses);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_code_keeps_that_forces_records_and_the_findings_that_concern_it(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();

        var findings = ReadCsv(await admin.DownloadAsync(scenario.Url($"kind=Findings&format=Csv&forceCode={CityOfLondon}"), SpreadsheetDocuments.Csv));
        var updates = ReadCsv(await admin.DownloadAsync(scenario.Url($"kind=ProgressUpdates&format=Csv&forceCode={CityOfLondon}"), SpreadsheetDocuments.Csv));

        var reference = findings[0].IndexOf(SpreadsheetLayouts.FindingReference.Header);
        Assert.Equal(["Recommendation 8", "Recommendation 9"], findings.Skip(1).Select(r => r[reference]));
        Assert.Equal(scenario.Expected(SpreadsheetKind.ProgressUpdates).Where(r => r[0] == CityOfLondon), updates.Skip(1));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_accept_header_chooses_csv_when_no_format_is_given(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportScenario.CreateAsync(host);

        var rows = ReadCsv(await host.AdminClient().DownloadAsync(scenario.Url("kind=Gradings"), SpreadsheetDocuments.Csv, accept: SpreadsheetDocuments.Csv));

        Assert.Equal(scenario.Expected(SpreadsheetKind.Gradings), rows.Skip(1));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_csv_without_a_kind_and_unknown_forces_or_reports_are_refused_naming_the_field(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var ct = TestContext.Current.CancellationToken;

        var noKind = await (await admin.GetAsync("/api/v1/exports?format=Csv", ct)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var noForce = await (await admin.GetAsync("/api/v1/exports?kind=Responses&forceCode=atlantis", ct)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var noReport = await (await admin.GetAsync($"/api/v1/exports?inspectionReference={Unique.Slug("never-published")}", ct))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var badKind = await (await admin.GetAsync("/api/v1/exports?kind=Committees", ct)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("kind", noKind.Errors!.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("forceCode", noForce.Errors!.Keys);
        Assert.Contains("inspectionReference", noReport.Errors!.Keys);
        Assert.NotNull(badKind.Detail ?? badKind.Title);
    }

    [Fact]
    public async Task Exports_need_a_key()
    {
        var host = await hosts.For(Provider.Sqlite);

        var response = await host.AnonymousClient().GetAsync("/api/v1/exports?kind=Gradings", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// One report of two forces in scope with four findings (one a formula, one with a due date the words
    /// do not give, a cause of concern and the recommendation answering it), both forces' responses,
    /// their progress (one superseded), an action each and a grading each.
    /// </summary>
    internal sealed record ExportScenario(string Reference, Dictionary<SpreadsheetKind, List<List<string>>> Rows)
    {
        public string Url(string query) => $"/api/v1/exports?inspectionReference={Reference}&{query}";

        public List<List<string>> Expected(SpreadsheetKind kind) => Rows[kind];

        public static async Task<ExportScenario> CreateAsync(ComplianceApiHost host)
        {
            var admin = host.AdminClient();
            var inspection = await admin.CreateInspectionAsync(
                TestData.Inspection(Unique.Slug("export-building-the-picture"), forcesInScope: [Lancashire, CityOfLondon], type: InspectionType.Force));
            var reference = inspection.Reference;
            var r8 = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation(
                "Recommendation 8", text: Formula, addressees: [FindingTestData.ChiefConstables, new AddresseeRequest(AddresseeKind.NpccLead, null, Npcc)]));
            var coc = await admin.CreateFindingAsync(inspection.Id, FindingTestData.CauseOfConcern(Lancashire));
            var r1 = await admin.CreateFindingAsync(inspection.Id, FindingTestData.AnsweringRecommendation(Lancashire, coc.Id));
            var r9 = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation(
                "Recommendation 9", text: FindingTestData.ByNovember2015Text, deadlineText: null, dueDate: new DateOnly(2016, 3, 31)));

            var lancashireResponse = await admin.CreateResponseAsync(r8.Id, Response(Lancashire));
            var cityResponse = await admin.CreateResponseAsync(r8.Id, Response(CityOfLondon));
            await admin.RecordUpdateAsync(lancashireResponse.Id, Update(new DateOnly(2015, 8, 1), ResponseStatus.InProgress, Rag.Amber, Minus));
            await admin.RecordUpdateAsync(lancashireResponse.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.Implemented, Rag.Green, "Done"));
            await admin.RecordUpdateAsync(cityResponse.Id, Update(
                new DateOnly(2015, 8, 15), ResponseStatus.Superseded, null, "Superseded by Recommendation 9", supersededByFindingId: r9.Id));
            // Tags as forces keep them in their sheets: national ones on the finding, the force's own on its response.
            await (await admin.PutJsonAsync($"/api/v1/findings/{r8.Id}/tags", new FindingTagsRequest(["MoPI", "Vetting"]))).ReadAsync<FindingView>();
            await (await admin.PutJsonAsync($"/api/v1/responses/{lancashireResponse.Id}/tags", new ResponseTagsRequest(["CDI plan", "MoPI"])))
                .ReadAsync<ForceResponseView>();
            // The inspectorate has not closed what Lancashire says it implemented: the export flags it.
            await (await admin.PostJsonAsync($"/api/v1/responses/{lancashireResponse.Id}/inspectorate-assessments", new InspectorateAssessmentRequest(
                    new DateOnly(2016, 1, 15), InspectorateStatus.BeingProgressed, "Being progressed.", "HMICFRS register", new DateOnly(2016, 1, 15))))
                .ReadAsync<InspectorateAssessmentView>(HttpStatusCode.Created);
            var served = new TestFinding(r8.Id, inspection.Id, r8.Reference);
            await host.CreateActionAsync(Lancashire, served);
            await host.CreateActionAsync(CityOfLondon, served);
            await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading(Lancashire, Grade.Good));
            await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading(CityOfLondon, Grade.RequiresImprovement, "Effectiveness"));

            string[] Inspection() =>
            [
                reference, "Hmic", inspection.Title, "Force", "2015-07-02", "2014-05-01", "2014-11-30", "Published", inspection.Link!, "No",
                $"{CityOfLondon}; {Lancashire}",
            ];
            var owner = Response();
            string[] Details(string force, string status, string rag, string position, string effective, string tags, string[] inspectorate) =>
            [
                force, reference, "Recommendation 8", owner.OwnerName!, owner.OwnerRole!, owner.GovernanceBoard!, owner.Constraints!,
                "2016-03-31", "", "2016-03-01", "", status, rag, position, effective, tags, .. inspectorate,
            ];
            string[] Action(string force) =>
            [
                force, "Building the picture action plan", reference, "Agree an Information Management Strategy", "Head of Information Management",
                "SIRO", "2015-11-30", "InProgress", "", $"{reference}: Recommendation 8",
            ];
            const string author = "Information Management Unit";

            return new ExportScenario(reference, new Dictionary<SpreadsheetKind, List<List<string>>>
            {
                [SpreadsheetKind.Findings] =
                [
                    [.. Inspection(), "Recommendation 8", "Recommendation", "'" + Formula, "InformationManagement", "Immediately", "",
                        $"ChiefConstables; NpccLead: {Npcc}", "", "MoPI; Vetting"],
                    [.. Inspection(), "Cause of concern 1", "CauseOfConcern", coc.Text, "CrimeDataIntegrity", "", "", $"Force: {Lancashire}", "", ""],
                    [.. Inspection(), "Recommendation 1", "Recommendation", r1.Text, "CrimeDataIntegrity", "Within three months", "",
                        $"Force: {Lancashire}", "Cause of concern 1", ""],
                    [.. Inspection(), "Recommendation 9", "Recommendation", FindingTestData.ByNovember2015Text, "InformationManagement", "", "2016-03-31",
                        "ChiefConstables", "", ""],
                ],
                [SpreadsheetKind.Responses] =
                [
                    [.. Details(CityOfLondon, "Superseded", "", "Superseded by Recommendation 9", "2015-08-15", "", ["", "", "", "", "No"])],
                    [.. Details(Lancashire, "Implemented", "Green", "Done", "2015-09-01", "CDI plan; MoPI", ["BeingProgressed", "2016-01-15", "Being progressed.", "HMICFRS register", "Yes"])],
                ],
                [SpreadsheetKind.ProgressUpdates] =
                [
                    [Lancashire, reference, "Recommendation 8", "2015-08-01", "InProgress", "Amber", "'" + Minus, author, "", ""],
                    [Lancashire, reference, "Recommendation 8", "2015-09-01", "Implemented", "Green", "Done", author, "", ""],
                    [CityOfLondon, reference, "Recommendation 8", "2015-08-15", "Superseded", "", "Superseded by Recommendation 9", author, "",
                        $"{reference}: Recommendation 9"],
                ],
                [SpreadsheetKind.Actions] = [[.. Action(CityOfLondon)], [.. Action(Lancashire)]],
                [SpreadsheetKind.Gradings] =
                [
                    [CityOfLondon, reference, "Effectiveness", "RequiresImprovement", "2018-06-28"],
                    [Lancashire, reference, "Overall", "Good", "2018-06-28"],
                ],
            });
        }
    }
}
