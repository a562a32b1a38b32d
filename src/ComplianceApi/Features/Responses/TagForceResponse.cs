using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

/// <summary>A response's tags, the force's own themes, replacing those it has.</summary>
/// <param name="Tags">The tags, in the order to show them; an empty list removes them all. Each is trimmed and matched ignoring case, so a repeat is dropped.</param>
public sealed record ResponseTagsRequest(IReadOnlyList<string> Tags);

public sealed class ResponseTagsRequestValidator : AbstractValidator<ResponseTagsRequest>
{
    public ResponseTagsRequestValidator()
    {
        RuleFor(r => r.Tags).NotNull().MaximumCount(Domain.Tags.MaxCount * 2)
            .WithMessage($"Give at most {Domain.Tags.MaxCount} tags.");
        RuleForEach(r => r.Tags).NotNull().MaximumLength(Domain.Tags.MaxLength);
        RuleFor(r => r.Tags).Must(t => Domain.Tags.ProblemWith(t) is null).WithMessage(r => Domain.Tags.ProblemWith(r.Tags) ?? "")
            .When(r => r.Tags is not null);
    }
}

public sealed record TagForceResponseCommand(Guid Id, ResponseTagsRequest Body) : ICommand<ForceResponseView>;

public sealed class TagForceResponseValidator : AbstractValidator<TagForceResponseCommand>
{
    public TagForceResponseValidator() => RuleFor(c => c.Body).SetValidator(new ResponseTagsRequestValidator());
}

public sealed class TagForceResponseHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<TagForceResponseCommand, ForceResponseView>
{
    public async Task<ForceResponseView> Handle(TagForceResponseCommand command, CancellationToken cancellationToken)
    {
        // The query filter hides other forces' responses from a force-scoped key: they answer 404.
        var response = await db.ForceResponses.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("response", command.Id);
        caller.EnsureMayWriteFor(response.ForceCode);
        response.Retag(Tags.From(command.Body.Tags), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ResponseViewAsync(response.Id, null, clock, mapping, cancellationToken);
    }
}
