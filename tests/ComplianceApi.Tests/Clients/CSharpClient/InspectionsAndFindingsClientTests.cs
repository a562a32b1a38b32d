using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class InspectionsAndFindingsClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task An_admin_records_an_inspection_with_its_findings_and_reads_them_back(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var request = BuildingThePicture();

        var inspection = await admin.Inspections.CreateInspectionAsync(request, cancellationToken: Ct);
        var recommendation = await admin.Findings.CreateFindingAsync(inspection.Id, Recommendation8(), cancellationToken: Ct);
        var areaForImprovement = await admin.Findings.CreateFindingAsync(inspection.Id, new FindingRequest
        {
            Reference = "Area for improvement 1",
            Kind = FindingKind.AreaForImprovement,
            Text = "The Home Office should work with the College of Policing to review the national guidance on information management.",
            BusinessArea = BusinessArea.InformationManagement,
            DeadlineText = null,
            DueDate = null,
            Addressees = [new AddresseeRequest { Kind = AddresseeKind.HomeOffice, Name = "Home Office" }],
        }, cancellationToken: Ct);

        var read = await admin.Inspections.GetInspectionAsync(inspection.Id, cancellationToken: Ct);
        Assert.Equal(request.Reference, read.Reference);
        Assert.Equal((Inspectorate.Hmic, InspectionType.NationalThematic, PublicationStatus.Published), (read.Inspectorate, read.Type, read.PublicationStatus));
        Assert.Equal(new DateOnly(2015, 7, 2), read.PublishedOn);
        Assert.Equal((new DateOnly(2014, 5, 1), new DateOnly(2014, 11, 30)), (read.FieldworkStartedOn, read.FieldworkEndedOn));
        Assert.Equal(request.Link, read.Link);
        Assert.True(read.AllForcesInScope);
        Assert.Empty(read.ForcesInScope);

        var first = await admin.Findings.GetFindingAsync(recommendation.Id, cancellationToken: Ct);
        Assert.Equal((inspection.Id, request.Reference, "Recommendation 8"), (first.InspectionId, first.InspectionReference, first.Reference));
        Assert.Equal((FindingKind.Recommendation, BusinessArea.InformationManagement), (first.Kind, first.BusinessArea));
        Assert.Equal(("Immediately", new DateOnly(2015, 7, 2)), (first.DeadlineText, first.DueDate));
        Assert.Equal(Recommendation8().Text, first.Text);
        var toChiefConstables = Assert.Single(first.Addressees);
        Assert.Equal((AddresseeKind.ChiefConstables, null, null), (toChiefConstables.Kind, toChiefConstables.ForceCode, toChiefConstables.Name));
        Assert.Null(first.CauseOfConcernId);

        var second = await admin.Findings.GetFindingAsync(areaForImprovement.Id, cancellationToken: Ct);
        Assert.Equal(FindingKind.AreaForImprovement, second.Kind);
        Assert.Null(second.DeadlineText);
        Assert.Null(second.DueDate);
        Assert.Equal((AddresseeKind.HomeOffice, "Home Office"), (Assert.Single(second.Addressees).Kind, second.Addressees.Single().Name));

        var listed = await admin.Findings.ListInspectionFindingsAsync(inspection.Id, cancellationToken: Ct);
        Assert.Equal(2, listed.TotalCount);
        Assert.Equal(new[] { recommendation.Id, areaForImprovement.Id }.Order(), listed.Items.Select(f => f.Id).Order());
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_cause_of_concern_and_the_recommendation_answering_it_are_linked(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var inspection = await admin.Inspections.CreateInspectionAsync(CrimeDataIntegrity("leicestershire"), cancellationToken: Ct);
        var causeOfConcern = await admin.Findings.CreateFindingAsync(inspection.Id, new FindingRequest
        {
            Reference = "Cause of concern 1",
            Kind = FindingKind.CauseOfConcern,
            Text = "The force's arrangements for recording reports of crime are not effective.",
            BusinessArea = BusinessArea.CrimeDataIntegrity,
            Addressees = [new AddresseeRequest { Kind = AddresseeKind.Force, ForceCode = "leicestershire" }],
        }, cancellationToken: Ct);

        var answering = await admin.Findings.CreateFindingAsync(inspection.Id, new FindingRequest
        {
            Reference = "Recommendation 1",
            Kind = FindingKind.Recommendation,
            Text = "Within three months, the force should put in place an action plan to make sure that crimes reported to it are recorded.",
            BusinessArea = BusinessArea.CrimeDataIntegrity,
            DeadlineText = "Within three months",
            Addressees = [new AddresseeRequest { Kind = AddresseeKind.Force, ForceCode = "leicestershire" }],
            CauseOfConcernId = causeOfConcern.Id,
        }, cancellationToken: Ct);

        Assert.Equal(causeOfConcern.Id, (await admin.Findings.GetFindingAsync(answering.Id, cancellationToken: Ct)).CauseOfConcernId);
        Assert.Equal(["leicestershire"], (await admin.Inspections.GetInspectionAsync(inspection.Id, cancellationToken: Ct)).ForcesInScope);
        var causes = await admin.Findings.ListFindingsAsync(inspectionId: inspection.Id, kind: FindingKind.CauseOfConcern, cancellationToken: Ct);
        Assert.Equal([causeOfConcern.Id], causes.Items.Select(f => f.Id));
        var toLeicestershire = await admin.Findings.ListFindingsAsync(
            inspectionId: inspection.Id, addresseeKind: AddresseeKind.Force, forceCode: "leicestershire", cancellationToken: Ct);
        Assert.Equal(2, toLeicestershire.TotalCount);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Correcting_an_inspection_and_a_finding_replaces_their_details_including_cleared_ones(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var inspection = await admin.CreateBuildingThePictureAsync();
        var finding = await admin.Findings.CreateFindingAsync(inspection.Id, Recommendation8(), cancellationToken: Ct);

        // The finding first: while its deadline counts from the publication date, that date cannot be removed.
        var findingCorrection = Recommendation8();
        findingCorrection.DeadlineText = null;
        findingCorrection.DueDate = null;
        findingCorrection.Addressees = [new AddresseeRequest { Kind = AddresseeKind.Force, ForceCode = Lancashire }];
        await admin.Findings.UpdateFindingAsync(finding.Id, findingCorrection, cancellationToken: Ct);
        var correction = BuildingThePicture();
        correction.Reference = inspection.Reference;
        correction.PublicationStatus = PublicationStatus.Restricted;
        correction.PublishedOn = null;
        correction.Link = null;
        correction.AllForcesInScope = false;
        correction.ForcesInScope = [Lancashire, CityOfLondon];
        var corrected = await admin.Inspections.UpdateInspectionAsync(inspection.Id, correction, cancellationToken: Ct);

        var read = await admin.Inspections.GetInspectionAsync(inspection.Id, cancellationToken: Ct);
        Assert.Equal(PublicationStatus.Restricted, read.PublicationStatus);
        Assert.Null(read.PublishedOn);
        Assert.Null(read.Link);
        Assert.False(read.AllForcesInScope);
        Assert.Equal([CityOfLondon, Lancashire], read.ForcesInScope.Order(StringComparer.Ordinal));
        Assert.True(corrected.UpdatedAt >= inspection.UpdatedAt);
        var readFinding = await admin.Findings.GetFindingAsync(finding.Id, cancellationToken: Ct);
        Assert.Null(readFinding.DeadlineText);
        Assert.Null(readFinding.DueDate);
        Assert.Equal((AddresseeKind.Force, Lancashire), (Assert.Single(readFinding.Addressees).Kind, readFinding.Addressees.Single().ForceCode));
    }
}
