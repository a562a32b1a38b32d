using System.Collections.Concurrent;
using System.Net;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Http;

/// <summary>
/// Writers racing to create the same record: the domain's check answers most of them, and the one that slips
/// past it to the database's unique index gets the same 409, not a 500, and is not logged as a failure.
/// </summary>
public sealed class UniqueConflictTests(TestHosts hosts)
{
    private const int Writers = 8;
    private const int MostRounds = 10;
    private const string DomainRuleTitle = "The request breaks a rule of the domain.";

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Writers_racing_to_respond_to_one_finding_for_one_force_store_one_response_and_the_rest_get_409(Provider provider)
    {
        var logs = new CapturedLogs();
        await using var host = (await hosts.For(provider)).WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);
        var inspection = await admin.CreateInspectionAsync();

        var racesPastTheCheck = 0;
        for (var round = 0; round < MostRounds && (racesPastTheCheck == 0 || round == 0); round++)
        {
            var finding = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation($"Recommendation {round + 1}"));
            var answers = await RaceAsync(() => admin.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response(CityOfLondon)));

            racesPastTheCheck += await AssertOneCreatedAndTheRestRefusedAsync(answers);
            Assert.Equal(1, await CountAsync(host, db => db.ForceResponses.CountAsync(r => r.FindingId == finding.Id, TestContext.Current.CancellationToken)));
        }

        AssertTheIndexWasReached(provider, racesPastTheCheck);
        Assert.Empty(logs.AtLeast(LogLevel.Error));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Writers_racing_to_create_an_inspection_with_one_reference_store_one_and_the_rest_get_409(Provider provider)
    {
        var logs = new CapturedLogs();
        await using var host = (await hosts.For(provider)).WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);

        var racesPastTheCheck = 0;
        for (var round = 0; round < MostRounds && (racesPastTheCheck == 0 || round == 0); round++)
        {
            var reference = Unique.Slug("building-the-picture");
            var answers = await RaceAsync(() => admin.PostJsonAsync("/api/v1/inspections", TestData.Inspection(reference)));

            racesPastTheCheck += await AssertOneCreatedAndTheRestRefusedAsync(answers);
            Assert.Equal(1, await CountAsync(host, db => db.Inspections.CountAsync(i => i.Reference == reference, TestContext.Current.CancellationToken)));
        }

        AssertTheIndexWasReached(provider, racesPastTheCheck);
        Assert.Empty(logs.AtLeast(LogLevel.Error));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_second_committee_of_one_name_in_a_force_is_refused_by_the_domain_with_the_reason(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var scenarioForce = await ForceScenario.NewForceAsync(admin);
        var request = new ComplianceApi.Features.Committees.CommitteeRequest(scenarioForce, "Police and Crime Panel", CommitteeBody.PoliceAndCrimePanel);
        await (await admin.PostJsonAsync("/api/v1/committees", request)).ReadAsync<ComplianceApi.Features.Committees.CommitteeView>(HttpStatusCode.Created);

        var problem = await (await admin.PostJsonAsync("/api/v1/committees", request)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(DomainRuleTitle, problem.Title);
        Assert.Contains("already has a committee named 'Police and Crime Panel'", problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// On PostgreSQL writers run side by side, so some get past the domain's check before the winner commits,
    /// and the database's index refuses them. On SQLite a write's transaction takes the database's write lock
    /// when it begins (BEGIN IMMEDIATE), so each writer's check already sees the winner: the index is never reached.
    /// </summary>
    private static void AssertTheIndexWasReached(Provider provider, int racesPastTheCheck)
    {
        if (provider == Provider.Postgres)
        {
            Assert.True(racesPastTheCheck > 0, $"In {MostRounds} rounds no writer got past the domain's check to the database's unique index.");
        }
    }

    private static async Task<int> CountAsync(WebApplicationFactory<Program> host, Func<ComplianceDbContext, Task<int>> count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>());
    }

    /// <summary>Sends the same request from <see cref="Writers"/> writers released at once.</summary>
    private static async Task<HttpResponseMessage[]> RaceAsync(Func<Task<HttpResponseMessage>> send)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, Writers).Select(async _ =>
        {
            await start.Task;
            return await send();
        }).ToArray();
        start.SetResult();
        return await Task.WhenAll(writers);
    }

    /// <summary>Exactly one 201, every other answer the domain's 409; returns how many 409s came from the database's index.</summary>
    private static async Task<int> AssertOneCreatedAndTheRestRefusedAsync(HttpResponseMessage[] answers)
    {
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var fromTheIndex = 0;
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(DomainRuleTitle, problem.Title);
            Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.10", problem.Type);
            if (problem.Detail!.StartsWith("Another request recorded", StringComparison.Ordinal))
            {
                fromTheIndex++;
            }
        }

        return fromTheIndex;
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

        public IEnumerable<string> AtLeast(LogLevel level) =>
            _entries.Where(e => e.Level >= level).Select(e => $"{e.Level} {e.Category}: {e.Message}");

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs._entries.Enqueue((logLevel, category, formatter(state, exception)));
        }
    }
}
