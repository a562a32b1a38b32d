using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Tests.Data;

public sealed class SampleDataTests
{
    [Fact]
    public async Task The_sample_data_loads_into_an_empty_database_and_only_there()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"compliance-sample-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = null,
            ["Storage:DataFolder"] = folder,
            [DatabaseInitializer.LoadSampleDataSetting] = "true",
        };
        await using (var first = new ComplianceApiHost(Provider.Sqlite, settings))
        {
            await first.WithDatabaseAsync(async db =>
            {
                var city = await db.ForceResponses.Include(r => r.Finding).SingleAsync(r => r.ForceCode == "city-of-london", TestContext.Current.CancellationToken);
                Assert.Equal("Recommendation 8", city.Finding.Reference);
                Assert.Equal("Immediately", city.Finding.DeadlineText);
                Assert.Equal((new DateOnly(2015, 7, 2), DeadlineKind.Immediate), (city.Finding.DueDate, city.Finding.DeadlineKind));
                var byNovember = await db.Findings.Where(f => f.DeadlineText == "by November 2015").ToListAsync(TestContext.Current.CancellationToken);
                Assert.Equal(5, byNovember.Count);
                Assert.All(byNovember, f => Assert.Equal((new DateOnly(2015, 11, 30), DeadlinePrecision.Month), (f.DueDate, f.DeadlinePrecision)));
                Assert.Equal(ResponseStatus.InProgress, city.Status);
                Assert.Contains("NSPIS", city.Constraints);
                Assert.Equal(2, await db.Gradings.CountAsync(g => g.Grade == Grade.Inadequate, TestContext.Current.CancellationToken));
                Assert.Contains(await db.PlanActions.Select(a => a.Title).ToListAsync(TestContext.Current.CancellationToken), t => t == "Recruit a Force Records Manager");
            });
        }

        await using var second = new ComplianceApiHost(Provider.Sqlite, settings);
        await second.WithDatabaseAsync(async db =>
        {
            // A restart with the same setting finds inspections already there and loads nothing twice.
            Assert.Equal(8, await db.Inspections.CountAsync(TestContext.Current.CancellationToken));
            Assert.False(await SampleData.LoadIntoEmptyDatabaseAsync(db, TimeProvider.System, TestContext.Current.CancellationToken));
        });
        await second.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
