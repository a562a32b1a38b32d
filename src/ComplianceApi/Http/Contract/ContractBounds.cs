using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using ComplianceApi.Data;
using ComplianceApi.Support;
using FluentValidation;
using FluentValidation.Validators;
using Mapster;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceApi.Http.Contract;

/// <summary>The limits of one value in the contract.</summary>
public sealed record Bounds(
    int? MaxLength = null,
    string? Pattern = null,
    decimal? Minimum = null,
    decimal? Maximum = null,
    int? MaxItems = null,
    Bounds? Items = null)
{
    /// <summary>Each limit from this, or where this has none, from <paramref name="fallback"/>.</summary>
    public Bounds Or(Bounds? fallback) => fallback is null
        ? this
        : new Bounds(
            MaxLength ?? fallback.MaxLength,
            Pattern ?? fallback.Pattern,
            Minimum ?? fallback.Minimum,
            Maximum ?? fallback.Maximum,
            MaxItems ?? fallback.MaxItems,
            Items is null ? fallback.Items : Items.Or(fallback.Items));
}

/// <summary>
/// Writes the limits the service enforces into the contract, read from the place that enforces them, so
/// no number is typed twice: a request type's FluentValidation rules; for a response type, the column
/// lengths of the EF model (followed through the view mapping's projection) and the rules of the request
/// it is written from (<c>XView</c> ← <c>XRequest</c>); the paging limits for pages; and the lengths of
/// formatted strings.
/// </summary>
public sealed class ContractBoundsSchemaFilter(IServiceScopeFactory scopes) : ISchemaFilter
{
    private static readonly Assembly Service = typeof(ContractBoundsSchemaFilter).Assembly;
    private static readonly Lazy<ILookup<Type, IValidatorDescriptor>> Validators = new(FindValidators);
    private readonly Lazy<IModel> _model = new(() =>
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ComplianceDbContext>().Model;
    });

    private readonly Lazy<Dictionary<(Type View, string Member), (MemberExpression Source, bool Each)>> _projectedMembers = new(() =>
    {
        using var scope = scopes.CreateScope();
        var mapping = scope.ServiceProvider.GetRequiredService<TypeAdapterConfig>();
        return FindProjectedMembers(mapping, scope.ServiceProvider.GetRequiredService<ComplianceDbContext>().Model);
    });

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target)
        {
            return;
        }

        var bounds = context switch
        {
            { MemberInfo: { DeclaringType: not null } member } => ForMember(member.ReflectedType ?? member.DeclaringType, member.Name),
            { ParameterInfo.Member.DeclaringType: { } owner, ParameterInfo.Name: { } name } => ForMember(owner, name),
            _ => null,
        };
        ApplyTo(target, (bounds ?? new Bounds()).Or(ForFormat(context.Type)));
    }

    /// <summary>The limits of a property of a request (its validators) or of a response (its sources).</summary>
    public Bounds? ForMember(Type owner, string member)
    {
        var property = owner.GetProperty(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        member = property?.Name ?? member;
        if (Validators.Value.Contains(owner))
        {
            return FromValidators(owner, member);
        }

        if (owner.IsGenericType && owner.GetGenericTypeDefinition() == typeof(Page<>))
        {
            return member switch
            {
                nameof(Page<object>.Items) => new Bounds(MaxItems: Paging.MaxLimit),
                nameof(Page<object>.TotalCount) => new Bounds(Minimum: 0, Maximum: int.MaxValue),
                nameof(Page<object>.NextCursor) => new Bounds(MaxLength: Paging.MaxCursorLength),
                _ => null,
            };
        }

        if (typeof(ProblemDetails).IsAssignableFrom(owner))
        {
            return ForProblem(member);
        }

        var bounds = FromModel(owner, member) ?? new Bounds();
        if (property?.GetCustomAttribute<ItemMaxLengthAttribute>() is { } each)
        {
            bounds = bounds.Or(new Bounds(Items: new Bounds(MaxLength: each.Length)));
        }

        if (owner.Name.EndsWith("View", StringComparison.Ordinal)
            && RequestFor(owner) is { } request
            && FromValidators(request, member) is { } written)
        {
            // A pattern checks what is written now; records stored before it may not match.
            bounds = bounds.Or(written with { Pattern = null, Items = written.Items is null ? null : written.Items with { Pattern = null } });
        }

        if (property?.PropertyType is { } type && (Nullable.GetUnderlyingType(type) ?? type) == typeof(int))
        {
            // The service's responses hold no negative integers: counts and versions.
            bounds = bounds.Or(new Bounds(Minimum: 0, Maximum: int.MaxValue));
        }

        return bounds;
    }

    // By name across the service: a view shared by several features lives below them (Data/Responses),
    // away from the feature whose request writes it.
    private static Type? RequestFor(Type view) =>
        Service.GetTypes().SingleOrDefault(t => t.Name == $"{view.Name[..^4]}Request" && t.Namespace?.StartsWith("ComplianceApi.", StringComparison.Ordinal) == true);

    /// <summary>The limits FluentValidation rules put on a member; rules for each item bound the items.</summary>
    public static Bounds? FromValidators(Type validated, string member)
    {
        Bounds? result = null;
        foreach (var rule in Validators.Value[validated].SelectMany(d => d.GetRulesForMember(member)))
        {
            var each = rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
            foreach (var component in rule.Components)
            {
                if (FromValidator(component.Validator) is { } bounds)
                {
                    result = (result ?? new Bounds()).Or(each ? new Bounds(Items: bounds) : bounds);
                }
            }
        }

        return result;
    }

    private static Bounds? FromValidator(IPropertyValidator validator) => validator switch
    {
        ILengthValidator { Max: > 0 } length => new Bounds(MaxLength: length.Max),
        IRegularExpressionValidator regex => new Bounds(Pattern: regex.Expression),
        IMaximumCountValidator count => new Bounds(MaxItems: count.Max),
        IBetweenValidator between when validator.Name == "InclusiveBetweenValidator" =>
            new Bounds(Minimum: Convert.ToDecimal(between.From, CultureInfo.InvariantCulture), Maximum: Convert.ToDecimal(between.To, CultureInfo.InvariantCulture)),
        IComparisonValidator { Comparison: Comparison.GreaterThanOrEqual, ValueToCompare: IConvertible min } =>
            new Bounds(Minimum: Convert.ToDecimal(min, CultureInfo.InvariantCulture)),
        IComparisonValidator { Comparison: Comparison.LessThanOrEqual, ValueToCompare: IConvertible max } =>
            new Bounds(Maximum: Convert.ToDecimal(max, CultureInfo.InvariantCulture)),
        _ => null,
    };

    /// <summary>A response member's column length, found through the view's projection from an entity.</summary>
    private Bounds? FromModel(Type view, string member)
    {
        if (!_projectedMembers.Value.TryGetValue((view, member), out var projected))
        {
            return null;
        }

        var maxLength = _model.Value.FindEntityType(projected.Source.Expression!.Type)?.FindProperty(projected.Source.Member.Name)?.GetMaxLength();
        return maxLength is null ? null : projected.Each ? new Bounds(Items: new Bounds(MaxLength: maxLength)) : new Bounds(MaxLength: maxLength);
    }

    /// <summary>
    /// Problem texts are composed by the service from its own words and stored values, so none is longer
    /// than the longest text it stores; the status is an HTTP status (RFC 9110 §15).
    /// </summary>
    private static Bounds? ForProblem(string member) => member switch
    {
        nameof(ProblemDetails.Status) => new Bounds(Minimum: 100, Maximum: 599),
        nameof(HttpValidationProblemDetails.Errors) =>
            new Bounds(Items: new Bounds(MaxItems: ProblemDetailsExceptionHandler.MostMessagesPerField, Items: new Bounds(MaxLength: Lengths.LongText))),
        nameof(ProblemDetails.Extensions) => null,
        _ => new Bounds(MaxLength: Lengths.LongText),
    };

    /// <summary>Formatted strings are as long as their format's longest value.</summary>
    private static Bounds? ForFormat(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(Guid) => new Bounds(MaxLength: Guid.Empty.ToString().Length),
        var t when t == typeof(DateOnly) => new Bounds(MaxLength: DateOnly.MaxValue.ToString("O", CultureInfo.InvariantCulture).Length),
        var t when t == typeof(DateTimeOffset) || t == typeof(DateTime) =>
            new Bounds(MaxLength: DateTimeOffset.MaxValue.ToString("O", CultureInfo.InvariantCulture).Length),
        _ => null,
    };

    private static void ApplyTo(OpenApiSchema schema, Bounds bounds)
    {
        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.String) && schema.Enum is not { Count: > 0 })
        {
            schema.MaxLength ??= bounds.MaxLength;
            schema.Pattern ??= bounds.Pattern;
        }

        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            schema.Minimum ??= bounds.Minimum?.ToString(CultureInfo.InvariantCulture);
            schema.Maximum ??= bounds.Maximum?.ToString(CultureInfo.InvariantCulture);
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            schema.MaxItems ??= bounds.MaxItems;
            if (bounds.Items is not null && schema.Items is OpenApiSchema items)
            {
                ApplyTo(items, bounds.Items);
            }
        }

        if (type.HasFlag(JsonSchemaType.Object) && bounds.Items is not null && schema.AdditionalProperties is OpenApiSchema { Items: OpenApiSchema values } map)
        {
            // A map of lists (a validation problem's errors): Items bounds each list.
            map.MaxItems ??= bounds.Items.MaxItems;
            if (bounds.Items.Items is not null)
            {
                ApplyTo(values, bounds.Items.Items);
            }
        }
    }

    private static ILookup<Type, IValidatorDescriptor> FindValidators() =>
        Service.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Validated: i.GetGenericArguments()[0], Validator: t)))
            .ToLookup(v => v.Validated, v => ((IValidator)Activator.CreateInstance(v.Validator)!).CreateDescriptor());

    /// <summary>Every view member the mapping's projection from an entity fills straight from one of its properties.</summary>
    private static Dictionary<(Type View, string Member), (MemberExpression Source, bool Each)> FindProjectedMembers(TypeAdapterConfig mapping, IModel model)
    {
        var finder = new ProjectionReader();
        foreach (var pair in mapping.RuleMap.Keys.Where(pair => model.FindEntityType(pair.Source) is not null))
        {
            finder.Visit(mapping.CreateMapExpression(pair, MapType.Projection));
        }

        return finder.Members;
    }

    private sealed class ProjectionReader : ExpressionVisitor
    {
        public Dictionary<(Type View, string Member), (MemberExpression Source, bool Each)> Members { get; } = [];

        protected override Expression VisitNew(NewExpression node)
        {
            var parameters = node.Constructor?.GetParameters() ?? [];
            for (var i = 0; i < parameters.Length && i < node.Arguments.Count; i++)
            {
                Record(node.Type, parameters[i].Name!, node.Arguments[i]);
            }

            return base.VisitNew(node);
        }

        protected override Expression VisitMemberInit(MemberInitExpression node)
        {
            foreach (var binding in node.Bindings.OfType<MemberAssignment>())
            {
                Record(node.Type, binding.Member.Name, binding.Expression);
            }

            return base.VisitMemberInit(node);
        }

        private void Record(Type view, string member, Expression value)
        {
            var name = view.GetProperty(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.Name ?? member;
            if (Source(value) is { } source)
            {
                Members.TryAdd((view, name), source);
            }
        }

        /// <summary><c>e.Title</c> → that property; <c>e.Codes.Select(c => c.Code).OrderBy(…).ToList()</c> → each item's property.</summary>
        private static (MemberExpression Source, bool Each)? Source(Expression value)
        {
            while (value is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.Quote } unary)
            {
                value = unary.Operand;
            }

            switch (value)
            {
                // The mapping guards a member it reads with a null check.
                case ConditionalExpression guarded:
                    return Source(guarded.IfTrue);
                case MemberExpression { Member: PropertyInfo, Expression: not null } member:
                    return (member, false);
                case MethodCallExpression { Method.Name: "Select" } select
                    when select.Arguments[^1] is LambdaExpression { Body: MemberExpression { Member: PropertyInfo, Expression: not null } item }:
                    return (item, true);
                case MethodCallExpression call when call.Arguments.Count > 0:
                    return Source(call.Arguments[0]) is { Each: true } inner ? inner : null;
                default:
                    return null;
            }
        }
    }
}

/// <summary>An unpaged list declares the most items it holds (see <see cref="EndpointConventions.ListsAtMost"/>).</summary>
public sealed class ListLimitOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ListLimit>().LastOrDefault() is not { } limit)
        {
            return;
        }

        foreach (var (_, response) in (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')))
        {
            foreach (var media in (response.Content ?? new Dictionary<string, IOpenApiMediaType>()).Values)
            {
                if (media.Schema is OpenApiSchema { Type: { } type } list && type.HasFlag(JsonSchemaType.Array))
                {
                    list.MaxItems = limit.MaxItems;
                }
            }
        }
    }
}
