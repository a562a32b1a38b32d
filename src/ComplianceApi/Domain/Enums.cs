namespace ComplianceApi.Domain;

public enum ForceKind { Territorial, National, Collaboration }

public enum Inspectorate { Hmic, Hmicfrs, Hmcpsi, HmiProbation, HmiPrisons, Ofsted, CareQualityCommission, Other }

public enum InspectionType { NationalThematic, Force, Peel, CrimeDataIntegrity, Joint }

public enum PublicationStatus { Published, Restricted }

public enum FindingKind { Recommendation, AreaForImprovement, CauseOfConcern, PointOfNote }

public enum AddresseeKind { ChiefConstables, Force, HomeOffice, CollegeOfPolicing, NpccLead, PoliceAndCrimeCommissioners, Other }

/// <summary>The APP information-management business areas, plus the areas inspections commonly touch.</summary>
public enum BusinessArea
{
    Crime, Intelligence, DomesticAbuse, ChildProtection, Custody, Firearms,
    InformationManagement, CrimeDataIntegrity, DigitalCrime, PublicProtection, Leadership, Other,
}

/// <summary>
/// A response's status. <see cref="PendingSignOff"/> is an implemented response whose closure was requested and
/// awaits another identity's sign-off (<see cref="ForceResponse.RequestClosure"/>); it was added last, so stored
/// and sent names keep their meaning.
/// </summary>
public enum ResponseStatus { NotAssessed, NotStarted, InProgress, Implemented, Closed, NotApplicable, Superseded, PendingSignOff }

/// <summary>Where a response's latest closure request stands.</summary>
public enum SignOffStep { Requested, SignedOff, SentBack }

public enum Rag { Red, Amber, Green }

public enum ActionStatus { NotStarted, InProgress, Completed, Cancelled }

public enum EvidenceKind { Document, Minutes, AuditReport, Policy, Link }

/// <summary>Where evidence stands with its reviewers: only accepted evidence counts towards a rule-based green.</summary>
public enum EvidenceReviewState { Submitted, Accepted, Rejected }

public enum Grade { Outstanding, Good, RequiresImprovement, Inadequate }

public enum ApiKeyRole { Reader, Editor, Admin }
