using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Mapster;
using Mapster.Models;

namespace ComplianceApi.Features;

/// <summary>
/// The one configuration that maps domain objects and query rows to the API's views. Each view's rules sit
/// beside it as an <see cref="IRegister"/>; EF runs the same rules in SQL through <see cref="ProjectionOf"/>.
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

    /// <summary>
    /// The projection of <typeparamref name="TSource"/> to <typeparamref name="TView"/> for EF, built once per
    /// configuration. Mapster guards each member a constructor reads with a null check; SQL propagates nulls
    /// itself, and EF turned each guard into a CASE and each guarded collection into a second join, so the
    /// guards are taken out (ProjectToType would keep them).
    /// </summary>
    public static Expression<Func<TSource, TView>> ProjectionOf<TSource, TView>(this TypeAdapterConfig config) =>
        Projections<TSource, TView>.Built.GetValue(config, c => (Expression<Func<TSource, TView>>)new NullGuardRemover().Visit(
            c.CreateMapExpression(new TypeTuple(typeof(TSource), typeof(TView)), MapType.Projection)));

    private sealed class NullGuardRemover : ExpressionVisitor
    {
        protected override Expression VisitConditional(ConditionalExpression node) =>
            IsNullGuard(node.Test) && node.IfFalse is DefaultExpression or ConstantExpression { Value: null }
                ? Visit(node.IfTrue)
                : base.VisitConditional(node);

        private static bool IsNullGuard(Expression test) => test switch
        {
            BinaryExpression { NodeType: ExpressionType.AndAlso } both => IsNullGuard(both.Left) && IsNullGuard(both.Right),
            BinaryExpression { NodeType: ExpressionType.NotEqual, Right: ConstantExpression { Value: null } } => true,
            UnaryExpression { NodeType: ExpressionType.Not, Operand: BinaryExpression { NodeType: ExpressionType.Equal, Right: ConstantExpression { Value: null } } } => true,
            _ => false,
        };
    }

    private static class Projections<TSource, TView>
    {
        public static readonly ConditionalWeakTable<TypeAdapterConfig, Expression<Func<TSource, TView>>> Built = new();
    }
}
