using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

/// <summary>
/// A small data set drawn from real committee papers: City of London Police's report Pol 49/15 (21 October
/// 2015), Lancashire's report to Strategic Scrutiny (7 January 2016) and to its Police and Crime Panel
/// (12 March 2018), and Leicestershire's to its Police and Crime Panel (5 December 2017). Recommendation 8
/// is quoted as those papers quote it; other finding texts are paraphrased from the papers, not quoted
/// from the reports, and say so.
/// </summary>
public static class SampleData
{
    public static async Task<bool> LoadIntoEmptyDatabaseAsync(ComplianceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Inspections.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var data = new Builder(now);

        // National reports of July to September 2015, as listed in Pol 49/15.
        var buildingThePicture = data.Inspection("building-the-picture-2015", Inspectorate.Hmic,
            "Building the picture: an inspection of police information management", InspectionType.NationalThematic,
            new DateOnly(2015, 7, 2), PublicationStatus.Published, allForces: true);
        data.Inspection("in-harms-way-2015", Inspectorate.Hmic, "In harm's way: the role of the police in keeping children safe",
            InspectionType.NationalThematic, new DateOnly(2015, 7, 2), PublicationStatus.Published, allForces: true);
        data.Inspection("online-and-on-the-edge-2015", Inspectorate.Hmic, "Online and on the edge: real risks in a virtual world",
            InspectionType.NationalThematic, new DateOnly(2015, 7, 2), PublicationStatus.Published, allForces: true);
        // "Circulated in July 2015 to police forces ... but was not intended for publication" (Pol 49/15).
        var realLives = data.Inspection("real-lives-real-crime-2015", Inspectorate.Hmic, "Real lives, real crime: a study of digital crime and policing",
            InspectionType.NationalThematic, null, PublicationStatus.Restricted, allForces: true);
        realLives.Circulate(await db.Forces.Where(f => f.Kind != ForceKind.Collaboration).Select(f => f.Code).ToListAsync(cancellationToken), now);
        data.Inspection("firearms-licensing-targeting-the-risk-2015", Inspectorate.Hmic, "Targeting the risk: an inspection of the efficiency and effectiveness of firearms licensing in police forces in England and Wales",
            InspectionType.NationalThematic, new DateOnly(2015, 9, 15), PublicationStatus.Published, allForces: true);

        var recommendation8 = data.Finding(buildingThePicture, "Recommendation 8", FindingKind.Recommendation, BusinessArea.InformationManagement,
            "Immediately, chief constables should make sure that their force information records are reviewed at the end of the review period set for each information grouping, and records created when decisions are made to retain information beyond the applicable period of retention.",
            "Immediately");
        var byNovember = new[]
        {
            ("an information management strategy", "Paraphrased: forces should have an information management strategy and policy that meet the APP on information management."),
            ("records management", "Paraphrased: forces should make someone accountable for records management across force systems."),
            ("MoPI compliance audit", "Paraphrased: forces should audit their compliance with the MoPI guidance and address the gaps it finds."),
            ("retention, review and disposal", "Paraphrased: forces should meet their retain, review and delete procedures on every system that holds police information."),
            ("sharing sensitive intelligence", "Paraphrased: forces should review how sensitive intelligence is shared, reviewed and managed."),
        }.Select(r => data.Finding(buildingThePicture, $"Recommendation on {r.Item1}", FindingKind.Recommendation,
            BusinessArea.InformationManagement, r.Item2, "by November 2015")).ToList();

        // The crime data integrity round: Leicestershire and Lancashire inadequate, South Wales good.
        var cdiLeicestershire = data.Inspection("crime-data-integrity-leicestershire-2017", Inspectorate.Hmicfrs,
            "Crime data integrity inspection: Leicestershire Police", InspectionType.CrimeDataIntegrity,
            new DateOnly(2017, 9, 7), PublicationStatus.Published, forces: ["leicestershire"]);
        var cdiLancashire = data.Inspection("crime-data-integrity-lancashire-2017", Inspectorate.Hmicfrs,
            "Crime data integrity inspection: Lancashire Constabulary", InspectionType.CrimeDataIntegrity,
            new DateOnly(2017, 11, 28), PublicationStatus.Published, forces: ["lancashire"]);
        var cdiSouthWales = data.Inspection("crime-data-integrity-south-wales", Inspectorate.Hmicfrs,
            "Crime data integrity inspection: South Wales Police", InspectionType.CrimeDataIntegrity,
            null, PublicationStatus.Published, forces: ["south-wales"]);
        data.Grading(cdiLeicestershire, "leicestershire", Grade.Inadequate, new DateOnly(2017, 9, 7));
        data.Grading(cdiLancashire, "lancashire", Grade.Inadequate, new DateOnly(2017, 11, 28));
        data.Grading(cdiSouthWales, "south-wales", Grade.Good, new DateOnly(2017, 11, 28));

        var leicestershireAccuracy = data.Finding(cdiLeicestershire, "Areas for improvement: crime recording", FindingKind.AreaForImprovement,
            BusinessArea.CrimeDataIntegrity, "Paraphrased: the force should improve the accuracy of its crime recording, its audit regime and its crime registrar's oversight.",
            null, force: "leicestershire");
        var lancashireTeam = data.Finding(cdiLancashire, "Recommendation: crime data integrity team", FindingKind.Recommendation,
            BusinessArea.CrimeDataIntegrity, "Paraphrased: the constabulary should establish a crime data integrity team.",
            null, force: "lancashire");

        // City of London's position on Recommendation 8, as reported in Pol 49/15.
        var city = data.Response(recommendation8, "city-of-london", new ResponseDetails(null, "Assistant Commissioner",
            "Information Management Board", "Records on NSPIS systems cannot be deleted due to system constraints.",
            new DateOnly(2016, 12, 31), null));
        city.RecordProgress(new ProgressEntry(new DateOnly(2015, 10, 21), ResponseStatus.InProgress, Rag.Amber,
            "Compliant across the entire archive of information, but records on NSPIS systems cannot be deleted due to system constraints. Managed through the Information Management Board, chaired by the Assistant Commissioner; to be resolved through procurement of a new IT system in 2016.",
            "Strategic Development", null, null), now);
        data.Evidence(Evidence.ForResponse(data.NextId(), city, new EvidenceDetails("HMIC Inspection Update (Pol 49/15)",
            EvidenceKind.Document, "Pol 49/15", null, new DateOnly(2015, 10, 21),
            "Report of the Commissioner to the Performance and Resource Management Sub Committee."), now));

        // Lancashire's response to Building the picture (report to Strategic Scrutiny, 7 January 2016).
        var lancashireOwner = new ResponseDetails("Carl Melling", "Information Assurance Manager", "Information Governance Board",
            "The current and proposed intelligence RRD standard operating procedures are not being met due to insufficient capacity and ICT system change requirements.",
            null, new DateOnly(2016, 3, 31));
        var lancashire8 = data.Response(recommendation8, "lancashire", lancashireOwner);
        lancashire8.RecordProgress(new ProgressEntry(new DateOnly(2016, 1, 7), ResponseStatus.InProgress, Rag.Red,
            "Intelligence RRD standard operating procedures are not being met. The MoPI audit will assess compliance with the APP; a further report will go to Strategic Scrutiny in March 2016.",
            "Carl Melling", null, null), now);
        var lancashireStrategy = data.Response(byNovember[0], "lancashire", lancashireOwner);
        lancashireStrategy.RecordProgress(new ProgressEntry(new DateOnly(2016, 1, 7), ResponseStatus.Implemented, Rag.Green,
            "A revised Information Management Strategy and Information Management Policy were agreed at the Strategic Management Board on 31 October 2015. The strategy may be revisited to take account of the national work.",
            "Carl Melling", null, null), now);
        data.Evidence(Evidence.ForResponse(data.NextId(), lancashireStrategy, new EvidenceDetails(
            "Information Management Strategy and Policy agreed", EvidenceKind.Minutes, "Strategic Management Board, 31 October 2015", null,
            new DateOnly(2015, 10, 31), "Agreed via the Information Governance Board."), now));
        var lancashireRecords = data.Response(byNovember[1], "lancashire", lancashireOwner);
        lancashireRecords.RecordProgress(new ProgressEntry(new DateOnly(2016, 1, 7), ResponseStatus.InProgress, Rag.Amber,
            "The review of the Information Assurance and Vetting Unit established the post of Force Records Manager; the person specification is being finalised and the post will be advertised early in the New Year.",
            "Carl Melling", null, null), now);
        var lancashireAudit = data.Response(byNovember[2], "lancashire", lancashireOwner);
        lancashireAudit.RecordProgress(new ProgressEntry(new DateOnly(2016, 1, 7), ResponseStatus.InProgress, Rag.Amber,
            "Two temporary MoPI auditor posts for six months were agreed and advertised in the week commencing 23 November 2015.",
            "Carl Melling", null, null), now);

        var lancashirePlan = data.Plan("lancashire", "Building the picture: information management", buildingThePicture, "Carl Melling",
            "Actions reported to the Strategic Scrutiny Meeting of 7 January 2016.");
        data.Action(lancashirePlan, "Agree a revised Information Management Strategy and Policy", "Carl Melling", null,
            new DateOnly(2015, 11, 30), ActionStatus.Completed, new DateOnly(2015, 10, 31), byNovember[0]);
        data.Action(lancashirePlan, "Recruit a Force Records Manager", null, "Head of Information Assurance and Vetting",
            new DateOnly(2016, 3, 31), ActionStatus.InProgress, null, byNovember[1]);
        data.Action(lancashirePlan, "Two temporary MoPI auditor posts for six months", null, "Information Assurance Manager",
            new DateOnly(2016, 6, 30), ActionStatus.InProgress, null, byNovember[2], recommendation8);

        // Lancashire's CDI action plan (presented to the Commissioner on 21 February 2018).
        var lancashireCdi = data.Response(lancashireTeam, "lancashire", new ResponseDetails(null, "Deputy Chief Constable", "HMICFRS Board",
            "Resources: a team would need to be costed, and would lengthen call handling times.", null, null));
        lancashireCdi.RecordProgress(new ProgressEntry(new DateOnly(2018, 3, 12), ResponseStatus.InProgress, Rag.Amber,
            "A crime data integrity team is being modelled and costed. Practices and procedures have changed, with immediate and ongoing force-wide training.",
            "Office of the Police and Crime Commissioner", null, null), now);
        var lancashireCdiPlan = data.Plan("lancashire", "CDI action plan", cdiLancashire, "Deputy Chief Constable", null);
        data.Action(lancashireCdiPlan, "Model and cost a crime data integrity team", null, "Deputy Chief Constable",
            null, ActionStatus.InProgress, null, lancashireTeam);

        // Leicestershire's delivery plan (report to the Police and Crime Panel, 5 December 2017).
        var leicestershire = data.Response(leicestershireAccuracy, "leicestershire", new ResponseDetails("Jonny Starbuck", "Detective Superintendent",
            "CDI Operations meeting", null, null, new DateOnly(2017, 12, 14)));
        leicestershire.RecordProgress(new ProgressEntry(new DateOnly(2017, 12, 5), ResponseStatus.InProgress, Rag.Amber,
            "A comprehensive improvement plan is in place with governance through the CDI Operations meeting, reporting to ACC Nixon and DCC Bannister.",
            "Jonny Starbuck", null, null), now);
        var leicestershirePlan = data.Plan("leicestershire", "CDI delivery plan", cdiLeicestershire, "Jonny Starbuck",
            "Encompasses the HMIC recommendations and the data quality issues found by the peer review.");
        data.Action(leicestershirePlan, "Peer review by Derbyshire's former Force Crime Registrar", "Jonny Starbuck", null,
            null, ActionStatus.Completed, new DateOnly(2017, 12, 5), leicestershireAccuracy);
        data.Action(leicestershirePlan, "Realign 6.7 FTE police officer posts to Dedicated Decision Maker roles", "Jonny Starbuck", null,
            null, ActionStatus.Completed, new DateOnly(2017, 12, 5), leicestershireAccuracy);
        data.Action(leicestershirePlan, "Adopt a revised audit regime based on the Derbyshire model", "Jonny Starbuck", null,
            null, ActionStatus.InProgress, null, leicestershireAccuracy);

        db.AddRange(data.Records);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private sealed class Builder(DateTimeOffset now)
    {
        private int _sequence;

        public List<object> Records { get; } = [];

        /// <summary>Ids a millisecond apart, so lists show the sample records in the order written here.</summary>
        public Guid NextId() => Guid.CreateVersion7(now.AddMilliseconds(++_sequence));

        public Inspection Inspection(string reference, Inspectorate inspectorate, string title, InspectionType type, DateOnly? publishedOn,
            PublicationStatus status, bool allForces = false, string[]? forces = null) =>
            Add(new Inspection(NextId(), reference, new InspectionDetails(inspectorate, title, type, publishedOn, null, null,
                status, null, allForces, forces ?? []), now));

        /// <summary>The deadline's words are resolved against the report's publication date, as the API resolves them.</summary>
        public Finding Finding(Inspection inspection, string reference, FindingKind kind, BusinessArea area, string text,
            string? deadline, string? force = null) =>
            Add(new Finding(NextId(), inspection, reference, new FindingDetails(kind, text, area, deadline, null,
                [force is null ? new Addressee(AddresseeKind.ChiefConstables, null, null) : new Addressee(AddresseeKind.Force, force, null)]), now));

        public ForceResponse Response(Finding finding, string force, ResponseDetails details) =>
            Add(new ForceResponse(NextId(), finding, force, details, null, "Sample data", now));

        public ActionPlan Plan(string force, string title, Inspection inspection, string? owner, string? description) =>
            Add(new ActionPlan(NextId(), force, new ActionPlanDetails(title, inspection.Id, owner, description), now));

        public void Action(ActionPlan plan, string title, string? owner, string? role, DateOnly? dueOn, ActionStatus status,
            DateOnly? completedOn, params Finding[] serves) =>
            Add(new PlanAction(NextId(), plan, new PlanActionDetails(title, owner, role, dueOn, status, completedOn), serves, now));

        public void Grading(Inspection inspection, string force, Grade grade, DateOnly givenOn) =>
            Add(new Grading(NextId(), inspection, force, Domain.Grading.WholeReport, grade, givenOn, now));

        public void Evidence(Evidence evidence) => Add(evidence);

        private T Add<T>(T record)
            where T : class
        {
            Records.Add(record);
            return record;
        }
    }
}
