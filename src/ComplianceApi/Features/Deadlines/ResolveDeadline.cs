using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.Deadlines;

/// <summary>Deadline words to resolve, as a finding would resolve them.</summary>
/// <param name="Text">The deadline exactly as the report writes it: "Immediately", "by November 2015", "within six months".</param>
/// <param name="PublishedOn">The report's publication date, which immediate and relative deadlines count from.</param>
public sealed record ResolveDeadlineRequest(string? Text, DateOnly? PublishedOn);

public sealed class ResolveDeadlineRequestValidator : AbstractValidator<ResolveDeadlineRequest>
{
    public ResolveDeadlineRequestValidator() => RuleFor(r => r.Text).MaximumLength(Lengths.Name);
}

/// <summary>A preview: nothing is stored, so it is a query even though its words travel in a POST body.</summary>
public sealed record ResolveDeadlineQuery(ResolveDeadlineRequest Body) : IRequest<DeadlineResolutionView>;

public sealed class ResolveDeadlineValidator : AbstractValidator<ResolveDeadlineQuery>
{
    public ResolveDeadlineValidator() => RuleFor(q => q.Body).SetValidator(new ResolveDeadlineRequestValidator());
}

public sealed class ResolveDeadlineHandler(TypeAdapterConfig mapping) : IRequestHandler<ResolveDeadlineQuery, DeadlineResolutionView>
{
    public Task<DeadlineResolutionView> Handle(ResolveDeadlineQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(Deadline.Resolve(query.Body.Text, query.Body.PublishedOn).Adapt<DeadlineResolutionView>(mapping));
}
