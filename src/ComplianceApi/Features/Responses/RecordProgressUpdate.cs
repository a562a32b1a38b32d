using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

/// <summary>A new entry in a response's history; the response takes its status, RAG and position from it.</summary>
/// <param name="EffectiveOn">The date from which the status holds: not in the future, nor before the latest entry's.</param>
/// <param name="Status">The response's status from that date. Closed (or PendingSignOff) requests closure of an implemented response: it is recorded as PendingSignOff until another identity with an admin role for the force signs it off (POST /api/v1/responses/{id}/sign-off). Superseded needs supersededByFindingId.</param>
/// <param name="Rag">The RAG rating from that date.</param>
/// <param name="Narrative">The position statement: what was done, and why the status is what it is.</param>
/// <param name="Author">Who wrote the entry.</param>
/// <param name="SignedOffBy">Only when closing; no longer kept: the sign-off records the authenticated identity that signed it off. Accepted so that earlier clients still work.</param>
/// <param name="SupersededByFindingId">Only when superseded: the finding that supersedes the response's finding.</param>
public sealed record ProgressUpdateRequest(
    DateOnly EffectiveOn,
    ResponseStatus Status,
    Rag? Rag,
    string Narrative,
    string Author,
    string? SignedOffBy,
    Guid? SupersededByFindingId)
{
    public ProgressEntry ToEntry() => new(EffectiveOn, Status, Rag, Narrative, Author, SignedOffBy, SupersededByFindingId);
}

public sealed class ProgressUpdateRequestValidator : AbstractValidator<ProgressUpdateRequest>
{
    public ProgressUpdateRequestValidator()
    {
        RuleFor(r => r.EffectiveOn).NotEmpty();
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.Rag).IsInEnum();
        RuleFor(r => r.Narrative).NotEmpty().MaximumLength(Lengths.LongText);
        RuleFor(r => r.Author).NotEmpty().MaximumLength(Lengths.Name);
        RuleFor(r => r.SignedOffBy).MaximumLength(Lengths.Name);
        RuleFor(r => r.SupersededByFindingId).NotEqual(Guid.Empty);
    }
}

public sealed record RecordProgressUpdateCommand(Guid ResponseId, ProgressUpdateRequest Body) : ICommand<ProgressUpdateView>;

public sealed class RecordProgressUpdateValidator : AbstractValidator<RecordProgressUpdateCommand>
{
    public RecordProgressUpdateValidator() => RuleFor(c => c.Body).SetValidator(new ProgressUpdateRequestValidator());
}

/// <summary>
/// Appends an entry, or for a closing one requests closure (the domain's <see cref="ForceResponse.Record"/>); the
/// response's Version token makes a concurrent writer fail with 409 rather than interleave.
/// </summary>
public sealed class RecordProgressUpdateHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<RecordProgressUpdateCommand, ProgressUpdateView>
{
    public async Task<ProgressUpdateView> Handle(RecordProgressUpdateCommand command, CancellationToken cancellationToken)
    {
        var response = await db.ForceResponses.SingleOrDefaultAsync(r => r.Id == command.ResponseId, cancellationToken)
            ?? throw NotFoundException.For("response", command.ResponseId);
        var body = command.Body;
        await db.FindingNamedAsync(body.SupersededByFindingId, "supersededByFindingId", cancellationToken);
        var update = response.Record(body.ToEntry() with { RecordedBy = caller.Name }, caller.Signatory, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return update.Adapt<ProgressUpdateView>(mapping);
    }
}
