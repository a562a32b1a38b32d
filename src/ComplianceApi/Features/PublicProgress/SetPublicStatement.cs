using System.ComponentModel.DataAnnotations;
using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.PublicProgress;

/// <summary>What the force publishes about one finding.</summary>
/// <param name="PublicStatement">The text for the public page; empty or null removes it. Never the internal position: write it for the public.</param>
public sealed record PublicStatementRequest(string? PublicStatement);

public sealed class PublicStatementRequestValidator : AbstractValidator<PublicStatementRequest>
{
    public PublicStatementRequestValidator() => RuleFor(r => r.PublicStatement).MaximumLength(Lengths.LongText);
}

/// <summary>A response's public statement.</summary>
/// <param name="ResponseId">The force's response.</param>
/// <param name="ForceCode">The force.</param>
/// <param name="PublicStatement">What its public page says for the finding; absent when nothing is published.</param>
public sealed record ResponsePublicStatementView(
    Guid ResponseId,
    [property: MaxLength(Lengths.Code)] string ForceCode,
    [property: MaxLength(Lengths.LongText)] string? PublicStatement) : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since.</summary>
    [MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed record GetPublicStatementQuery(Guid ResponseId) : IRequest<ResponsePublicStatementView>;

public sealed class GetPublicStatementHandler(ComplianceDbContext db) : IRequestHandler<GetPublicStatementQuery, ResponsePublicStatementView>
{
    // The query filter hides other forces' responses from a force-scoped key: they answer 404.
    public async Task<ResponsePublicStatementView> Handle(GetPublicStatementQuery query, CancellationToken cancellationToken) =>
        await db.ForceResponses.AsNoTracking().Where(r => r.Id == query.ResponseId)
            .Select(r => new ResponsePublicStatementView(r.Id, r.ForceCode, r.PublicStatement)).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("response", query.ResponseId);
}

public sealed record SetPublicStatementCommand(Guid ResponseId, PublicStatementRequest Body) : ICommand<ResponsePublicStatementView>;

public sealed class SetPublicStatementValidator : AbstractValidator<SetPublicStatementCommand>
{
    public SetPublicStatementValidator() => RuleFor(c => c.Body).SetValidator(new PublicStatementRequestValidator());
}

public sealed class SetPublicStatementHandler(ComplianceDbContext db, Caller caller, TimeProvider clock) : IRequestHandler<SetPublicStatementCommand, ResponsePublicStatementView>
{
    public async Task<ResponsePublicStatementView> Handle(SetPublicStatementCommand command, CancellationToken cancellationToken)
    {
        var response = await db.ForceResponses.SingleOrDefaultAsync(r => r.Id == command.ResponseId, cancellationToken)
            ?? throw NotFoundException.For("response", command.ResponseId);
        caller.EnsureMayWriteFor(response.ForceCode);
        response.SetPublicStatement(command.Body.PublicStatement, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new ResponsePublicStatementView(response.Id, response.ForceCode, response.PublicStatement);
    }
}
