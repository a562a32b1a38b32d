using System.Diagnostics;
using ComplianceApi.Data;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;

namespace ComplianceApi.Pipeline;

/// <summary>A request that changes data: the pipeline runs its handler inside one transaction.</summary>
public interface ICommand<out TResult> : IRequest<TResult>;

public static class Mediation
{
    /// <summary>
    /// MediatR 5.1 is the newest version that restores here; it predates the DI extensions package,
    /// so handlers and validators are registered from this assembly by hand.
    /// </summary>
    public static IServiceCollection AddMediation(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // Order matters: log everything, validate before touching data, wait for a slot if costly, then open the transaction.
        services.AddOptions<CostlyRequestOptions>().BindConfiguration(CostlyRequestOptions.Section)
            .Validate(o => o.MostAtOnce is >= 1 and <= CostlyRequestOptions.Most, $"CostlyRequests:MostAtOnce must be 1 to {CostlyRequestOptions.Most}.")
            .ValidateOnStart();
        services.AddSingleton<CostlyRequestSlots>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(CostlyRequestBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        foreach (var type in typeof(Mediation).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>))
                {
                    services.AddScoped(contract, type);
                }
                else if (definition == typeof(IValidator<>))
                {
                    // Validators hold no state and take no services; building one compiles its rules'
                    // expressions, which, once a request, was a tenth of an uncached list's cost.
                    services.AddSingleton(contract, type);
                }
            }
        }

        return services;
    }
}

public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.RequestHandled(typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (Exception exception)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (Refusals.Of(exception))
                {
                    logger.RequestRefused(typeof(TRequest).Name, elapsed, exception.GetType().Name);
                }
                else
                {
                    logger.RequestFailed(typeof(TRequest).Name, elapsed, exception.GetType().Name);
                }
            }

            throw;
        }
    }
}

/// <summary>What the caller can put right (bad input, a rule, a race another writer won): a refusal, not a failure of the service.</summary>
file static class Refusals
{
    public static bool Of(Exception exception) => exception is ValidationException or NotFoundException or ForbiddenException
        or Domain.DomainRuleException or Domain.DeadlineNotUnderstoodException or PreconditionFailedException
        or Domain.UnsupportedFileTypeException or PayloadTooLargeException or QuarantinedFileException
        or Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException
        || exception is Microsoft.EntityFrameworkCore.DbUpdateException update && update.IsUniqueViolation();
}

public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next();
    }
}

public sealed class TransactionBehaviour<TRequest, TResponse>(ComplianceDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse> || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next();
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
