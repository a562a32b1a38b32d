using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class GradingsClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task An_admin_grades_a_force_overall_and_by_area_and_regrades_it(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var inspection = await admin.Inspections.CreateInspectionAsync(CrimeDataIntegrity("greater-manchester"), cancellationToken: Ct);

        var overall = await admin.Gradings.CreateGradingAsync(inspection.Id,
            new GradingRequest { ForceCode = "greater-manchester", Area = null, Grade = Grade.Inadequate, GivenOn = new DateOnly(2020, 12, 10) }, cancellationToken: Ct);
        var byArea = await admin.Gradings.CreateGradingAsync(inspection.Id,
            new GradingRequest { ForceCode = "greater-manchester", Area = "Effectiveness", Grade = Grade.RequiresImprovement, GivenOn = new DateOnly(2020, 12, 10) }, cancellationToken: Ct);

        var read = await admin.Gradings.GetGradingAsync(overall.Id, cancellationToken: Ct);
        Assert.Equal((inspection.Id, "greater-manchester", "Overall"), (read.InspectionId, read.ForceCode, read.Area));
        Assert.Equal((Grade.Inadequate, new DateOnly(2020, 12, 10)), (read.Grade, read.GivenOn));
        Assert.Equal("Effectiveness", byArea.Area);

        var regraded = await admin.Gradings.UpdateGradingAsync(overall.Id,
            new GradingRequest { ForceCode = "greater-manchester", Area = "Overall", Grade = Grade.Good, GivenOn = new DateOnly(2022, 8, 5) }, cancellationToken: Ct);
        Assert.Equal((Grade.Good, new DateOnly(2022, 8, 5)), (regraded.Grade, regraded.GivenOn));

        var good = await admin.Gradings.ListGradingsAsync(inspectionId: inspection.Id, grade: Grade.Good, cancellationToken: Ct);
        Assert.Equal([overall.Id], good.Items.Select(g => g.Id));
        var all = await admin.Gradings.ListGradingsAsync(inspectionId: inspection.Id, forceCode: "greater-manchester", cancellationToken: Ct);
        Assert.Equal(2, all.TotalCount);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_force_scoped_reader_reads_gradings_of_any_force(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var inspection = await admin.Inspections.CreateInspectionAsync(CrimeDataIntegrity("norfolk"), cancellationToken: Ct);
        var grading = await admin.Gradings.CreateGradingAsync(inspection.Id,
            new GradingRequest { ForceCode = "norfolk", Grade = Grade.Outstanding, GivenOn = new DateOnly(2019, 3, 14) }, cancellationToken: Ct);
        var lancashire = await admin.IssueKeyAsync(ApiKeyRole.Reader, Lancashire);

        Assert.Equal(Grade.Outstanding, (await lancashire.Gradings.GetGradingAsync(grading.Id, cancellationToken: Ct)).Grade);
    }
}
