using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using ComplianceApi.Data;
using ComplianceApi.Support;
using ComplianceApi.Domain;
using ComplianceApi.Features;
using ComplianceApi.Tests.Infrastructure;
using Mapster;
using Mapster.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceApi.Tests.Features;

public sealed class ViewMappingTests(TestHosts hosts)
{
    [Fact]
    public void Every_mapping_and_every_projection_compiles_with_each_view_member_given_a_source()
    {
        var config = ViewMapping.Create();
        config.RequireDestinationMemberSource = true;

        config.Compile();
        config.CompileProjection();

        Assert.Equal(
            [
                "ActionPlanView", "AddresseeView", "ApiKeyIssuedView", "ApiKeyView", "CommitteeReportView", "CommitteeView",
                "DeadlineResolutionView", "EvidenceFileView", "EvidenceView", "FindingView", "ForceResponseView", "ForceView", "GradingView",
                "InspectionView", "InspectorateAssessmentView", "PlanActionView", "ProgressUpdateView", "RecommendationAnswerView", "ReportResponseView", "StatementLineView",
                "TargetDateChangeView",
            ],
            config.RuleMap.Keys.Select(pair => pair.Destination.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_view_member_nothing_fills_fails_compilation()
    {
        var config = ViewMapping.Create();
        config.NewConfig<Force, ForceWithUnfilledMember>();

        var error = Assert.ThrowsAny<Exception>(() => config.Compile());

        Assert.Contains(nameof(ForceWithUnfilledMember.Motto), error.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Each_projection_from_an_entity_runs_in_SQL_selecting_only_the_columns_its_view_reads_joining_each_table_once(Provider provider)
    {
        var host = await hosts.For(provider);
        var config = host.Services.GetRequiredService<TypeAdapterConfig>();
        await host.WithDatabaseAsync(db =>
        {
            var projected = config.RuleMap.Keys.Where(pair => db.Model.FindEntityType(pair.Source) is not null).ToList();
            Assert.NotEmpty(projected);
            foreach (var pair in projected)
            {
                var projection = config.CreateMapExpression(pair, MapType.Projection);
                var sql = (string)typeof(ViewMappingTests).GetMethod(nameof(PageQuery), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(pair.Source, pair.Destination).Invoke(null, [db, config])!;
                var read = PropertiesRead(projection, pair.Source);
                var unread = db.Model.FindEntityType(pair.Source)!.GetProperties()
                    .Where(p => !p.IsKey() && !p.IsForeignKey() && !read.Contains(p.Name))
                    .Select(p => p.GetColumnName())
                    .Where(column => sql.Contains($"\"{column}\"", StringComparison.Ordinal))
                    .ToList();

                Assert.True(unread.Count == 0, $"{pair.Source.Name} → {pair.Destination.Name} selects {string.Join(", ", unread)}, which the view does not read:\n{sql}");
                // Mapster's null guards, left in, became a CASE per nullable column and a second join per collection.
                Assert.DoesNotContain("CASE", sql, StringComparison.Ordinal);
                var joined = Regex.Matches(sql, "JOIN \"(\\w+)\"").Select(m => m.Groups[1].Value).ToList();
                Assert.Equal(joined.Distinct(), joined);
            }

            return Task.CompletedTask;
        });
    }

    // As the list handlers page: a page and one more, then the view.
    private static string PageQuery<TEntity, TView>(ComplianceDbContext db, TypeAdapterConfig config) where TEntity : class =>
        db.Set<TEntity>().AsNoTracking().Take(Paging.DefaultLimit + 1).Select(config.ProjectionOf<TEntity, TView>()).ToQueryString();

    private static HashSet<string> PropertiesRead(LambdaExpression projection, Type entity)
    {
        var reader = new MemberReader(entity);
        reader.Visit(projection);
        return reader.Read;
    }

    private sealed class MemberReader(Type entity) : ExpressionVisitor
    {
        public HashSet<string> Read { get; } = [];

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression?.Type == entity)
            {
                Read.Add(node.Member.Name);
            }

            return base.VisitMember(node);
        }
    }

    private sealed record ForceWithUnfilledMember(string Code, string Motto);
}
