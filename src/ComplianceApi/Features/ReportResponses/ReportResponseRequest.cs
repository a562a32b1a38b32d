using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.ReportResponses;

/// <summary>A local policing body's response to a report on its force (Police Act 1996 s55), or its corrected details.</summary>
/// <param name="ForceCode">The force the report is on; cannot change once recorded.</param>
/// <param name="BodyKind">The local policing body's kind; with bodyName, or leave both out for the force's default (its PCC; MOPAC for the Metropolitan Police; the Common Council for the City of London; the mayor where one holds the PCC's functions).</param>
/// <param name="BodyName">The body's name as it signs the response; with bodyKind.</param>
/// <param name="CommentsRequestedOn">When the body asked the chief officer for comments.</param>
/// <param name="CommentsDueOn">The date the body set for the chief officer's comments.</param>
/// <param name="CommentsReceivedOn">When the chief officer's comments came.</param>
/// <param name="PublishedOn">When the body published its response; on time up to day 56, counting the report's publication day as day 1.</param>
/// <param name="PublishedAt">Where it was published: an address, or the meeting or publication it appeared in.</param>
/// <param name="Recommendations">For each of the report's recommendations to the force: what action has been or will be taken, or why none.</param>
public sealed record ReportResponseRequest(
    string ForceCode,
    LocalPolicingBodyKind? BodyKind,
    string? BodyName,
    DateOnly? CommentsRequestedOn,
    DateOnly? CommentsDueOn,
    DateOnly? CommentsReceivedOn,
    DateOnly? PublishedOn,
    string? PublishedAt,
    IReadOnlyList<RecommendationAnswerRequest>? Recommendations)
{
    /// <summary>The most recommendations one report makes to one force that a response answers.</summary>
    public const int MostRecommendations = 200;

    public ReportResponseDetails ToDetails() => new(
        BodyKind is { } kind && BodyName is { } name ? new LocalPolicingBody(kind, name) : null,
        CommentsRequestedOn, CommentsDueOn, CommentsReceivedOn, PublishedOn, PublishedAt,
        (Recommendations ?? []).Select(r => new RecommendationAnswer(r.FindingId, r.Action, r.Explanation)).ToList());

    public IReadOnlyList<Guid> FindingIds() => (Recommendations ?? []).Select(r => r.FindingId).Distinct().ToList();
}

/// <summary>What the body says of one recommendation.</summary>
/// <param name="FindingId">The recommendation's id: one of the report's recommendations that concern the force.</param>
/// <param name="Action">Taken, ToBeTaken, or None.</param>
/// <param name="Explanation">The action taken or to be taken; for None, why none.</param>
public sealed record RecommendationAnswerRequest(Guid FindingId, RecommendationAction Action, string Explanation);

public sealed class ReportResponseRequestValidator : AbstractValidator<ReportResponseRequest>
{
    public ReportResponseRequestValidator()
    {
        RuleFor(r => r.ForceCode).NotEmpty().MaximumLength(Lengths.Code);
        RuleFor(r => r.BodyKind).IsInEnum();
        RuleFor(r => r.BodyKind).NotNull().When(r => r.BodyName is not null).WithMessage("Give the body's kind with its name.");
        RuleFor(r => r.BodyName).NotEmpty().When(r => r.BodyKind is not null).WithMessage("Give the body's name with its kind.");
        RuleFor(r => r.BodyName).MaximumLength(Lengths.Name);
        RuleFor(r => r.PublishedAt).NotEmpty().MaximumLength(Lengths.Url).When(r => r.PublishedAt is not null);
        RuleFor(r => r.Recommendations).MaximumCount(ReportResponseRequest.MostRecommendations)
            .WithMessage($"At most {ReportResponseRequest.MostRecommendations} recommendations.");
        RuleForEach(r => r.Recommendations).NotNull().SetValidator(new RecommendationAnswerRequestValidator());
    }
}

public sealed class RecommendationAnswerRequestValidator : AbstractValidator<RecommendationAnswerRequest>
{
    public RecommendationAnswerRequestValidator()
    {
        RuleFor(r => r.FindingId).NotEmpty();
        RuleFor(r => r.Action).IsInEnum();
        RuleFor(r => r.Explanation).NotEmpty().MaximumLength(Lengths.LongText)
            .WithMessage("Say what action has been or will be taken, or why none.");
    }
}
