using System.Collections;
using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ComplianceApi.Http;

/// <summary>
/// Holds query strings to what the contract says before an endpoint binds them. The framework's binding is
/// lenient where a force system's typo should be refused: it takes an enum's number (<c>status=99</c>), reads a
/// date in the server's culture (<c>asOf=2/3/2015</c> month-first, <c>Jan 2</c> as this year) and keeps the
/// first of a repeated single value. The parameters and their types come from the same API description the
/// contract is written from, so the two cannot disagree.
/// </summary>
public static class StrictQueries
{
    public static void UseStrictQueries(this WebApplication app)
    {
        var parameters = new Lazy<Dictionary<string, Dictionary<string, Type>>>(() =>
            QueryParameters(app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>()));

        app.Use(async (context, next) =>
        {
            if (context.Request.QueryString.HasValue
                && context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name
                && parameters.Value.TryGetValue(name.EndpointName, out var types))
            {
                var failures = Failures(context.Request.Query, types).ToList();
                if (failures.Count > 0)
                {
                    throw new ValidationException(failures);
                }
            }

            await next(context);
        });
    }

    private static IEnumerable<ValidationFailure> Failures(IQueryCollection query, Dictionary<string, Type> types)
    {
        foreach (var (key, values) in query)
        {
            if (!types.TryGetValue(key, out var declared))
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(declared) ?? declared;
            var element = type.IsArray ? type.GetElementType()! : type;
            if (element == type && type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
            {
                continue;
            }

            if (element == type && values.Count > 1)
            {
                yield return new ValidationFailure(key, $"{key} takes one value; it was given {values.Count} times.");
                continue;
            }

            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (PlainText.HoldsRefusedCharacters(value))
                {
                    yield return new ValidationFailure(key, PlainText.RefusedMessage);
                }
                else if (element.IsEnum && !Enum.GetNames(element).Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    yield return new ValidationFailure(key, $"'{value}' is not one of {string.Join(", ", Enum.GetNames(element))}.");
                }
                else if (element == typeof(DateOnly) && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    yield return new ValidationFailure(key, $"'{value}' is not a date written as yyyy-MM-dd.");
                }
                else if (element == typeof(DateTimeOffset) && !DateTimeOffset.TryParseExact(value, Instants, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                {
                    yield return new ValidationFailure(key, $"'{value}' is not an ISO 8601 instant, such as 2026-01-31T14:05:00Z, or a date written as yyyy-MM-dd.");
                }
            }
        }
    }

    // An instant is ISO 8601: a date, or a date and time with seconds, optional fractions and an optional
    // offset (UTC without one, as the framework then binds it).
    private static readonly string[] Instants =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static Dictionary<string, Dictionary<string, Type>> QueryParameters(IApiDescriptionGroupCollectionProvider descriptions) =>
        descriptions.ApiDescriptionGroups.Items.SelectMany(group => group.Items)
            .Select(d => (Name: d.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName, d.ParameterDescriptions))
            .Where(d => d.Name is not null)
            .GroupBy(d => d.Name!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.First().ParameterDescriptions
                    .Where(p => p.Source == BindingSource.Query && p.Type is not null)
                    .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(p => p.Key, p => p.First().Type!, StringComparer.OrdinalIgnoreCase),
                StringComparer.Ordinal);
}
