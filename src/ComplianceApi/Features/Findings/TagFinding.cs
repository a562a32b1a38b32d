using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Findings;

/// <summary>A finding's national tags, replacing those it has.</summary>
/// <param name="Tags">The tags, in the order to show them; an empty list removes them all. Each is trimmed and matched ignoring case, so a repeat is dropped.</param>
public sealed record FindingTagsRequest(IReadOnlyList<string> Tags);

public sealed class FindingTagsRequestValidator : AbstractValidator<FindingTagsRequest>
{
    public FindingTagsRequestValidator()
    {
        RuleFor(r => r.Tags).NotNull().MaximumCount(Domain.Tags.MaxCount * 2)
            .WithMessage($"Give at most {Domain.Tags.MaxCount} tags.");
        RuleForEach(r => r.Tags).NotNull().MaximumLength(Domain.Tags.MaxLength);
        RuleFor(r => r.Tags).Must(t => Domain.Tags.ProblemWith(t) is null).WithMessage(r => Domain.Tags.ProblemWith(r.Tags) ?? "")
            .When(r => r.Tags is not null);
    }
}

public sealed record TagFindingCommand(Guid Id, FindingTagsRequest Body) : ICommand<FindingView>;

public sealed class TagFindingValidator : AbstractValidator<TagFindingCommand>
{
    public TagFindingValidator() => RuleFor(c => c.Body).SetValidator(new FindingTagsRequestValidator());
}

public sealed class TagFindingHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<TagFindingCommand, FindingView>
{
    public async Task<FindingView> Handle(TagFindingCommand command, CancellationToken cancellationToken)
    {
        var finding = await db.Findings.SingleOrDefaultAsync(f => f.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("finding", command.Id);
        finding.Retag(Tags.From(command.Body.Tags), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return finding.Adapt<FindingView>(mapping);
    }
}
