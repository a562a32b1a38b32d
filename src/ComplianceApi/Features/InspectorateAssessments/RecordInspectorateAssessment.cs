using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.InspectorateAssessments;

/// <summary>What the inspectorate published about a response, as a force copies it from the register.</summary>
/// <param name="AssessedOn">The date the inspectorate's entry bears: not in the future, nor before the response's latest assessment.</param>
/// <param name="Status">The inspectorate's status: AwaitingReview, BeingProgressed, Complete or NoFurtherAction.</param>
/// <param name="Comment">The inspectorate's comment, as published.</param>
/// <param name="Source">Where it was read: the register page's name or address.</param>
/// <param name="SourceShownOn">The day the source was seen showing it: not before assessedOn, nor in the future.</param>
public sealed record InspectorateAssessmentRequest(
    DateOnly AssessedOn,
    InspectorateStatus Status,
    string Comment,
    string Source,
    DateOnly? SourceShownOn)
{
    public AssessmentEntry ToEntry() => new(AssessedOn, Status, Comment, Source, SourceShownOn);
}

public sealed class InspectorateAssessmentRequestValidator : AbstractValidator<InspectorateAssessmentRequest>
{
    public InspectorateAssessmentRequestValidator()
    {
        RuleFor(r => r.AssessedOn).NotEmpty();
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.Comment).NotEmpty().MaximumLength(Lengths.LongText);
        RuleFor(r => r.Source).NotEmpty().MaximumLength(Lengths.Url);
    }
}

public sealed record RecordInspectorateAssessmentCommand(Guid ResponseId, InspectorateAssessmentRequest Body) : ICommand<InspectorateAssessmentView>;

public sealed class RecordInspectorateAssessmentValidator : AbstractValidator<RecordInspectorateAssessmentCommand>
{
    public RecordInspectorateAssessmentValidator() => RuleFor(c => c.Body).SetValidator(new InspectorateAssessmentRequestValidator());
}

/// <summary>
/// Appends an entry to a visible response's assessment; the response's row is locked by the If-Match
/// condition's check when one is sent, as for progress updates.
/// </summary>
public sealed class RecordInspectorateAssessmentHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<RecordInspectorateAssessmentCommand, InspectorateAssessmentView>
{
    public async Task<InspectorateAssessmentView> Handle(RecordInspectorateAssessmentCommand command, CancellationToken cancellationToken)
    {
        var response = await db.ForceResponses.SingleOrDefaultAsync(r => r.Id == command.ResponseId, cancellationToken)
            ?? throw NotFoundException.For("response", command.ResponseId);
        var latest = await db.InspectorateAssessments.Where(a => a.ResponseId == response.Id)
            .MaxAsync(a => (DateOnly?)a.AssessedOn, cancellationToken);
        var assessment = InspectorateAssessment.Record(response, command.Body.ToEntry(), latest, caller.Name, clock.GetUtcNow());
        db.InspectorateAssessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return assessment.Adapt<InspectorateAssessmentView>(mapping);
    }
}
