using System.Globalization;

namespace ComplianceApi.Domain;

/// <summary>
/// The words people read on paper and on the public page for the service's codes: "Area for improvement"
/// for <c>AreaForImprovement</c>, "7 January 2016" for a date. Machines keep the codes (JSON, CSV); documents
/// for people (the printable statement, the workbook, the public page) say these.
/// </summary>
public static class Words
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Of(ResponseStatus status) => status switch
    {
        ResponseStatus.NotAssessed => "Not assessed",
        ResponseStatus.NotStarted => "Not started",
        ResponseStatus.InProgress => "In progress",
        ResponseStatus.Implemented => "Implemented",
        ResponseStatus.Closed => "Closed",
        ResponseStatus.NotApplicable => "Not applicable",
        ResponseStatus.Superseded => "Superseded",
        ResponseStatus.PendingSignOff => "Pending sign off",
        _ => status.ToString(),
    };

    public static string Of(InspectorateStatus status) => status switch
    {
        InspectorateStatus.AwaitingReview => "Awaiting review",
        InspectorateStatus.BeingProgressed => "Being progressed",
        InspectorateStatus.Complete => "Complete",
        InspectorateStatus.NoFurtherAction => "No further action",
        _ => status.ToString(),
    };

    public static string Of(Rag rag) => rag switch
    {
        Rag.Red => "Red",
        Rag.Amber => "Amber",
        Rag.Green => "Green",
        _ => rag.ToString(),
    };

    public static string Of(FindingKind kind) => kind switch
    {
        FindingKind.Recommendation => "Recommendation",
        FindingKind.AreaForImprovement => "Area for improvement",
        FindingKind.CauseOfConcern => "Cause of concern",
        FindingKind.PointOfNote => "Point of note",
        _ => kind.ToString(),
    };

    public static string Of(CommitteeBody body) => body switch
    {
        CommitteeBody.PoliceAndCrimePanel => "Police and Crime Panel",
        CommitteeBody.PoliceAndCrimeCommissioner => "Police and Crime Commissioner",
        CommitteeBody.AuditCommittee => "Audit committee",
        CommitteeBody.ForceBoard => "Force board",
        CommitteeBody.PoliceAuthorityCommittee => "Police authority committee",
        CommitteeBody.Other => "Committee",
        _ => body.ToString(),
    };

    public static string Of(StatementChange change) => change switch
    {
        StatementChange.Unchanged => "No change",
        StatementChange.New => "New",
        StatementChange.Moved => "Moved",
        StatementChange.NewlyGreen => "Newly green",
        StatementChange.Closed => "Closed",
        _ => change.ToString(),
    };

    public static string Of(StatementSection section) => section switch
    {
        StatementSection.Open => "Open",
        StatementSection.Implemented => "Implemented since last reported",
        StatementSection.NoLongerReported => "No longer reported",
        _ => section.ToString(),
    };

    /// <summary>A date as a person writes it: "7 January 2016".</summary>
    public static string Of(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>Any of the above, or the value's own text; nothing for none.</summary>
    public static string Any(object? value) => value switch
    {
        null => "",
        ResponseStatus status => Of(status),
        InspectorateStatus status => Of(status),
        Rag rag => Of(rag),
        FindingKind kind => Of(kind),
        CommitteeBody body => Of(body),
        StatementChange change => Of(change),
        StatementSection section => Of(section),
        DateOnly date => Of(date),
        bool flag => flag ? "Yes" : "No",
        int number => number.ToString(English),
        _ => value.ToString() ?? "",
    };

    /// <summary>"1 day", "12 days".</summary>
    public static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString(English)} days";
}
