using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.InspectorateAssessments;
using ComplianceApi.Features.Statements;
using ComplianceApi.Tests.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.Statements;

/// <summary>
/// A statement line shows the inspectorate's status beside the force's, as the register stood on the
/// statement's date, and flags a finding the force reports implemented that the inspectorate has not closed.
/// </summary>
public sealed class StatementInspectorateTests(TestHosts hosts)
{
    private const string Register = "HMICFRS recommendations and AFIs register: Building the picture";

    private static async Task RecordAsync(HttpClient client, Guid responseId, DateOnly assessedOn, InspectorateStatus status) =>
        await (await client.PostJsonAsync($"/api/v1/responses/{responseId}/inspectorate-assessments",
                new InspectorateAssessmentRequest(assessedOn, status, "As the register shows it.", Register, assessedOn)))
            .ReadAsync<InspectorateAssessmentView>(HttpStatusCode.Created);

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_preview_shows_the_inspectorates_status_on_its_date_and_flags_an_implemented_finding_the_inspectorate_has_not_closed(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var committee = await scenario.CreateCommitteeAsync(admin);
        await RecordAsync(admin, scenario.R8.Id, new DateOnly(2015, 9, 1), InspectorateStatus.AwaitingReview);
        await RecordAsync(admin, scenario.R3.Id, new DateOnly(2015, 12, 1), InspectorateStatus.BeingProgressed);
        await RecordAsync(admin, scenario.R3.Id, new DateOnly(2016, 2, 1), InspectorateStatus.Complete);

        var january = await admin.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07");
        var march = await admin.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement?asOf=2016-03-01");
        var november = await admin.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement?asOf=2015-11-20");

        StatementLineView Line(PositionStatementView statement, string finding) => statement.Lines.Single(l => l.FindingReference == finding);
        Assert.Equal((ResponseStatus.Implemented, InspectorateStatus.BeingProgressed, new DateOnly(2015, 12, 1), true),
            Tuple(Line(january, "Recommendation 3")));
        Assert.Equal((ResponseStatus.InProgress, InspectorateStatus.AwaitingReview, new DateOnly(2015, 9, 1), false),
            Tuple(Line(january, "Recommendation 8")));
        Assert.Equal((ResponseStatus.Implemented, InspectorateStatus.Complete, new DateOnly(2016, 2, 1), false), Tuple(Line(march, "Recommendation 3")));
        // Before the inspectorate's first entry there is nothing to disagree with.
        var before = Line(november, "Recommendation 3");
        Assert.Equal((ResponseStatus.Implemented, (InspectorateStatus?)null, (DateOnly?)null, false),
            (before.Status, before.InspectorateStatus, before.InspectorateAssessedOn, before.DisagreesWithInspectorate));
        Assert.All(january.Lines.Where(l => l.FindingReference == "Recommendation 5"), l => Assert.Null(l.InspectorateStatus));

        var csv = SpreadsheetFiles.ReadCsv(await admin.DownloadAsync($"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07&format=Csv", "text/csv"));
        var header = csv[0];
        var r3 = csv.Single(r => r[header.IndexOf("Finding")] == "Recommendation 3");
        Assert.Equal(["BeingProgressed", "2015-12-01", "Yes"],
            [r3[header.IndexOf("Inspectorate status")], r3[header.IndexOf("Inspectorate assessed on")], r3[header.IndexOf("Disagrees with inspectorate")]]);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_issued_statement_keeps_the_inspectorates_status_it_was_issued_with_and_prints_it_beside_the_forces(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var committee = await scenario.CreateCommitteeAsync(admin);
        await RecordAsync(admin, scenario.R3.Id, new DateOnly(2015, 12, 1), InspectorateStatus.BeingProgressed);
        var report = await ForceScenario.CreateReportAsync(admin, committee.Id, "Pol 2/16", new DateOnly(2016, 1, 7));
        var issued = await ForceScenario.IssueAsync(admin, report.Id);

        // Recorded after issue, and dated before the statement's date: the issued statement still says what it said.
        await RecordAsync(admin, scenario.R3.Id, new DateOnly(2016, 1, 5), InspectorateStatus.Complete);
        var read = await admin.GetAsync<PositionStatementView>($"/api/v1/committee-reports/{report.Id}/statement");
        var preview = await admin.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07");
        var page = System.Text.Encoding.UTF8.GetString(
            await admin.DownloadAsync($"/api/v1/committee-reports/{report.Id}/statement?format=Html", "text/html"));

        var line = read.Lines.Single(l => l.FindingReference == "Recommendation 3");
        Assert.Equal((InspectorateStatus.BeingProgressed, new DateOnly(2015, 12, 1), true), (line.InspectorateStatus, line.InspectorateAssessedOn, line.DisagreesWithInspectorate));
        Assert.Equal(issued.Lines, read.Lines);
        var now = preview.Lines.Single(l => l.FindingReference == "Recommendation 3");
        Assert.Equal((InspectorateStatus.Complete, false), (now.InspectorateStatus, now.DisagreesWithInspectorate));
        Assert.Contains("Inspectorate: Being progressed, 1 December 2015", page);
        Assert.Contains("Not closed by the inspectorate", page);
        Assert.Contains("1 finding reported implemented or closed that the inspectorate has not closed", page);
    }

    private static (ResponseStatus, InspectorateStatus?, DateOnly?, bool) Tuple(StatementLineView line) =>
        (line.Status, line.InspectorateStatus, line.InspectorateAssessedOn, line.DisagreesWithInspectorate);
}
