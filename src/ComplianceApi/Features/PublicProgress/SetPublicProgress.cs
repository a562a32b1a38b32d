using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.PublicProgress;

/// <summary>Whether a force's public page of progress is on.</summary>
/// <param name="Enabled">True publishes the page at /public/forces/{code}; false (the default) takes it down.</param>
public sealed record PublicProgressRequest(bool? Enabled);

public sealed class PublicProgressRequestValidator : AbstractValidator<PublicProgressRequest>
{
    public PublicProgressRequestValidator() => RuleFor(r => r.Enabled).NotNull();
}

/// <summary>A force's public page setting.</summary>
/// <param name="ForceCode">The force.</param>
/// <param name="Enabled">Whether its page is published.</param>
/// <param name="PageUrl">Where the page is, relative to the service.</param>
/// <param name="DataUrl">Where its JSON twin is.</param>
public sealed record PublicProgressSettingView(
    [property: System.ComponentModel.DataAnnotations.MaxLength(Lengths.Code)] string ForceCode,
    bool Enabled,
    [property: System.ComponentModel.DataAnnotations.MaxLength(Lengths.Url)] string PageUrl,
    [property: System.ComponentModel.DataAnnotations.MaxLength(Lengths.Url)] string DataUrl) : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }

    public static PublicProgressSettingView Of(string code, bool enabled) =>
        new(code, enabled, $"/public/forces/{Uri.EscapeDataString(code)}", $"/public/v1/forces/{Uri.EscapeDataString(code)}");
}

public sealed record GetPublicProgressSettingQuery(string Code) : IRequest<PublicProgressSettingView>;

public sealed class GetPublicProgressSettingHandler(ComplianceDbContext db, Caller caller) : IRequestHandler<GetPublicProgressSettingQuery, PublicProgressSettingView>
{
    public async Task<PublicProgressSettingView> Handle(GetPublicProgressSettingQuery query, CancellationToken cancellationToken)
    {
        var force = await db.Forces.AsNoTracking().Where(f => f.Code == query.Code).Select(f => new { f.Code, f.PublishesProgress }).SingleOrDefaultAsync(cancellationToken);
        if (force is null || !caller.CanSee(force.Code))
        {
            throw new NotFoundException($"No force has code '{query.Code}'.");
        }

        return PublicProgressSettingView.Of(force.Code, force.PublishesProgress);
    }
}

public sealed record SetPublicProgressCommand(string Code, PublicProgressRequest Body) : ICommand<PublicProgressSettingView>;

public sealed class SetPublicProgressValidator : AbstractValidator<SetPublicProgressCommand>
{
    public SetPublicProgressValidator() => RuleFor(c => c.Body).SetValidator(new PublicProgressRequestValidator());
}

/// <summary>A force's admins (or national admins) switch its public page on or off.</summary>
public sealed class SetPublicProgressHandler(ComplianceDbContext db, Caller caller) : IRequestHandler<SetPublicProgressCommand, PublicProgressSettingView>
{
    public async Task<PublicProgressSettingView> Handle(SetPublicProgressCommand command, CancellationToken cancellationToken)
    {
        var force = await db.Forces.SingleOrDefaultAsync(f => f.Code == command.Code, cancellationToken);
        if (force is null || !caller.CanSee(force.Code))
        {
            throw new NotFoundException($"No force has code '{command.Code}'.");
        }

        caller.EnsureMayWriteFor(force.Code);
        force.PublishProgress(command.Body.Enabled!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return PublicProgressSettingView.Of(force.Code, force.PublishesProgress);
    }
}
