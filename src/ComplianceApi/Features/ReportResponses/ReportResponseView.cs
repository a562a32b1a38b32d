using System.ComponentModel.DataAnnotations;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.ReportResponses;

/// <summary>A local policing body's response to a report on its force (Police Act 1996 s55).</summary>
/// <param name="Id">The response's id.</param>
/// <param name="InspectionId">The report's id.</param>
/// <param name="ForceCode">The force the report is on.</param>
/// <param name="BodyKind">The local policing body's kind.</param>
/// <param name="BodyName">The body's name.</param>
/// <param name="ReportPublishedOn">When the report was published: day 1 of the 56.</param>
/// <param name="PublicationDueOn">The last day the response is on time: day 56.</param>
/// <param name="CommentsRequestedOn">When the body asked the chief officer for comments.</param>
/// <param name="CommentsDueOn">The date the body set for the chief officer's comments.</param>
/// <param name="CommentsReceivedOn">When the chief officer's comments came.</param>
/// <param name="PublishedOn">When the body published its response.</param>
/// <param name="PublishedAt">Where it was published.</param>
/// <param name="Recommendations">What the body says of each recommendation, in the order the recommendations were recorded.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
public sealed record ReportResponseView(
    Guid Id,
    Guid InspectionId,
    string ForceCode,
    LocalPolicingBodyKind BodyKind,
    string BodyName,
    DateOnly ReportPublishedOn,
    DateOnly PublicationDueOn,
    DateOnly? CommentsRequestedOn,
    DateOnly? CommentsDueOn,
    DateOnly? CommentsReceivedOn,
    DateOnly? PublishedOn,
    string? PublishedAt,
    IReadOnlyList<RecommendationAnswerView> Recommendations,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
    : ITaggedView
{
    /// <summary>Days from today to publicationDueOn while the response is unpublished: 0 on the last day, negative once overdue. Absent once published.</summary>
    [Range(-100_000, 100_000)]
    public int? DaysLeft { get; init; }

    /// <summary>True while the response is unpublished and its deadline has passed.</summary>
    public bool Overdue { get; init; }

    /// <summary>Once published: whether it was published after day 56. Absent until then.</summary>
    public bool? PublishedLate { get; init; }

    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }

    /// <summary>The view with its deadline judged on <paramref name="today"/>, by the domain's rule.</summary>
    public ReportResponseView On(DateOnly today)
    {
        var deadline = new PublicationDeadline(ReportPublishedOn);
        return PublishedOn is { } published
            ? this with { DaysLeft = null, Overdue = false, PublishedLate = !deadline.IsOnTime(published) }
            : this with { DaysLeft = deadline.DaysLeft(today), Overdue = deadline.DaysLeft(today) < 0, PublishedLate = null };
    }
}

/// <summary>What the body says of one recommendation.</summary>
/// <param name="FindingId">The recommendation's id.</param>
/// <param name="FindingReference">Its reference in the report, such as "Recommendation 8".</param>
/// <param name="Action">Taken, ToBeTaken, or None.</param>
/// <param name="Explanation">The action taken or to be taken; for None, why none.</param>
public sealed record RecommendationAnswerView(Guid FindingId, string FindingReference, RecommendationAction Action, string Explanation);

public sealed class ReportResponseViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ReportResponse, ReportResponseView>()
            .Map(v => v.Recommendations, r => r.Recommendations.OrderBy(a => a.FindingId));
        config.NewConfig<RecommendationResponse, RecommendationAnswerView>()
            .Map(v => v.FindingReference, a => a.Finding.Reference);
    }
}
