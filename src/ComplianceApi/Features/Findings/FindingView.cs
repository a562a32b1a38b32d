using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.Findings;

/// <summary>A recommendation, area for improvement, cause of concern or point of note in an inspection report.</summary>
/// <param name="Id">The finding's id.</param>
/// <param name="InspectionId">The id of the inspection report it is in.</param>
/// <param name="InspectionReference">That report's reference, such as "building-the-picture-2015".</param>
/// <param name="Reference">The reference as printed in the report, such as "Recommendation 8".</param>
/// <param name="Kind">Recommendation, area for improvement, cause of concern or point of note.</param>
/// <param name="Text">The finding's text, as the report words it.</param>
/// <param name="BusinessArea">The business area it touches.</param>
/// <param name="DeadlineText">The deadline exactly as the report writes it: "Immediately", "by November 2015".</param>
/// <param name="DueDate">The date the deadline resolves to, or the one supplied for it; none when there is no deadline.</param>
/// <param name="DeadlineKind">How the due date follows from the words: None, Immediate and Relative (both counted from the report's publication date, and moving with it), FixedDate, or Explicit (as supplied).</param>
/// <param name="DeadlinePrecision">How finely the words name the due date: Day, Month, Year, FinancialYear, or AsSupplied; none when there is no due date.</param>
/// <param name="Addressees">Who the finding is addressed to.</param>
/// <param name="CauseOfConcernId">For a recommendation: the cause of concern in the same report that it answers.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="UpdatedAt">When its details last changed.</param>
/// <param name="Tags">The finding's national tags (themes such as "MoPI" or "vetting"), in the order given; set by national admins.</param>
public sealed record FindingView(
    Guid Id,
    Guid InspectionId,
    string InspectionReference,
    string Reference,
    FindingKind Kind,
    string Text,
    BusinessArea BusinessArea,
    string? DeadlineText,
    DateOnly? DueDate,
    DeadlineKind DeadlineKind,
    DeadlinePrecision? DeadlinePrecision,
    IReadOnlyList<AddresseeView> Addressees,
    Guid? CauseOfConcernId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: System.ComponentModel.DataAnnotations.MaxLength(Domain.Tags.MaxCount), ItemMaxLength(Domain.Tags.MaxLength)] IReadOnlyList<string> Tags)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class FindingViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Finding, FindingView>()
        .Map(v => v.InspectionReference, f => f.Inspection.Reference)
        .Map(v => v.Addressees, f => f.Addressees.OrderBy(a => a.Id))
        .Map(v => v.Tags, f => Domain.Tags.Split(f.TagText));
}

/// <summary>One addressee of a finding.</summary>
/// <param name="Kind">Chief constables, one force, the Home Office, the College of Policing, an NPCC lead, police and crime commissioners, or other.</param>
/// <param name="ForceCode">For a force addressee: the force's code.</param>
/// <param name="Name">Who exactly, where the kind alone does not say.</param>
public sealed record AddresseeView(AddresseeKind Kind, string? ForceCode, string? Name);

public sealed class AddresseeViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<FindingAddressee, AddresseeView>();
}
