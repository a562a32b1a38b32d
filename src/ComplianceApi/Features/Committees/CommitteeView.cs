using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.Committees;

/// <summary>A committee a force reports to.</summary>
/// <param name="Id">The committee's id.</param>
/// <param name="ForceCode">The force (or collaboration) that reports to it.</param>
/// <param name="Name">Its name.</param>
/// <param name="Body">The kind of body.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record CommitteeView(Guid Id, string ForceCode, string Name, CommitteeBody Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class CommitteeViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Committee, CommitteeView>();
}

/// <summary>A report made to a committee.</summary>
/// <param name="Id">The report's id.</param>
/// <param name="CommitteeId">The committee it goes to.</param>
/// <param name="ForceCode">The force that reports.</param>
/// <param name="Reference">The committee's reference for the paper, such as "Pol 49/15".</param>
/// <param name="Title">The paper's title.</param>
/// <param name="ReportedOn">The date of the meeting.</param>
/// <param name="StatementIssuedAt">When its position statement was issued; null until then. An issued report cannot change.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record CommitteeReportView(
    Guid Id,
    Guid CommitteeId,
    string ForceCode,
    string Reference,
    string? Title,
    DateOnly ReportedOn,
    DateTimeOffset? StatementIssuedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class CommitteeReportViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<CommitteeReport, CommitteeReportView>();
}
