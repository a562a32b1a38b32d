using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Mapster;
using Mapster.Models;

namespace ComplianceApi.Features;

/// <summary>
/// The one configuration that maps domain objects and query rows to the API's views. Each view's rules sit
/// beside it as an <see cref="IRegister"/>; EF runs the same rules in SQL as projections
/// (<c>ProjectToType</c>, or <see cref="ProjectionOf"/> where a helper composes the query).
/// </summary>
public static class ViewMapping
{
    public static TypeAdapterConfig Create()
    {
        // A view member nothing fills fails compilation (at start-up, and in ViewMappingTests) rather than answering a default.
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        // Views are positional records: each member is filled once, through the constructor, and not
        // assigned again as a property (Mapster would otherwise read a mapped collection twice).
        config.Default
            .MapToConstructor(true)
            .IgnoreMember((member, side) => side == MemberSide.Destination && member.Info is PropertyInfo);
        config.Scan(typeof(ViewMapping).Assembly);
        return config;
    }

    /// <summary>Registers the configuration, compiled now so that a broken rule stops start-up rather than a request.</summary>
    public static IServiceCollection AddViewMapping(this IServiceCollection services)
    {
        var config = Create();
        config.Compile();
        return services.AddSingleton(config);
    }

    /// <summary>The projection of <typeparamref name="TSource"/> to <typeparamref name="TView"/>, built once per configuration.</summary>
    public static Expression<Func<TSource, TView>> ProjectionOf<TSource, TView>(this TypeAdapterConfig config) =>
        Projections<TSource, TView>.Built.GetValue(config, c =>
            (Expression<Func<TSource, TView>>)c.CreateMapExpression(new TypeTuple(typeof(TSource), typeof(TView)), MapType.Projection));

    private static class Projections<TSource, TView>
    {
        public static readonly ConditionalWeakTable<TypeAdapterConfig, Expression<Func<TSource, TView>>> Built = new();
    }
}
