using System.Collections.Concurrent;
using System.Data.Common;
using ComplianceApi.Data;
using ComplianceApi.Data.Webhooks;
using ComplianceApi.Domain;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static ComplianceApi.Tests.Features.Inspections.RestrictedReportsTests;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Webhooks;

/// <summary>
/// What a fan-out round reads, counted: the rounds are driven by the test on a second instance whose
/// commands are seen by an EF interceptor (the first instance takes the writes; neither dispatches by itself).
/// </summary>
public sealed class WebhookFanOutTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_round_works_out_restricted_reports_only_with_events_to_deliver_and_once_for_subscriptions_of_the_same_force(Provider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await hosts.IsolatedHostFor(provider, WebhookTestData.Settings(new() { ["Webhooks:Dispatch"] = "false" }));
        var admin = host.AdminClient();
        var forces = await RestrictedReport.ForcesAsync(admin);
        var report = await RestrictedReport.CreateAsync(host, forces);
        var other = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            other.Add((await admin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url, forceCode: forces.Other))).Subscription.Id);
        }

        await admin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url, forceCode: forces.Circulated));
        var national = (await admin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url))).Subscription.Id;
        var commands = new CommandLog();
        await using var dispatching = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<ComplianceDbContext>(options => options.AddInterceptors(commands))));
        var dispatcher = dispatching.Services.GetRequiredService<WebhookDispatcher>();

        // A published finding: both forces' subscriptions have an event, and each force works the view out once.
        await host.CreateFindingAsync();
        await FeedSettledAsync(host);
        Assert.True(await commands.DuringAsync(() => dispatcher.RoundAsync(Ct)) > 0);
        Assert.Equal(2, commands.RestrictedViews);

        // Nothing new: the round reads the positions and the feed, and nothing about restricted reports.
        await commands.DuringAsync(() => dispatcher.RoundAsync(Ct));
        Assert.Equal(0, commands.RestrictedViews);

        // An update of the other force's response to the restricted report: its two subscriptions share one
        // view, which leaves the event out for both; the circulated force has nothing new and works out none.
        var update = await admin.RecordUpdateAsync(report.OtherResponse.Id, Update(new DateOnly(2015, 11, 2), ResponseStatus.InProgress, Rag.Amber));
        await FeedSettledAsync(host);
        await commands.DuringAsync(() => dispatcher.RoundAsync(Ct));
        Assert.Equal(1, commands.RestrictedViews);
        await host.WithDatabaseAsync(async db =>
        {
            var positions = await db.WebhookSubscriptions.AsNoTracking().Where(s => other.Contains(s.Id)).Select(s => s.FeedPosition).ToListAsync(Ct);
            var latest = await db.AuditEvents.MaxAsync(a => a.Sequence, Ct);
            Assert.All(positions, position => Assert.Equal(latest, position));
            var about = await db.WebhookDeliveries.AsNoTracking().Where(d => d.Payload.Contains(update.Id.ToString())).Select(d => d.SubscriptionId).ToListAsync(Ct);
            Assert.Equal(national, Assert.Single(about));
        });
    }

    /// <summary>
    /// Waits until the feed serves the latest event. On PostgreSQL it holds back events while an older
    /// transaction anywhere on the server is still running (another test's, in parallel); a round begun then
    /// would see a shorter page for one subscription than for the next, and rightly work a view out again.
    /// </summary>
    private static Task FeedSettledAsync(ComplianceApiHost host) => host.WithDatabaseAsync(async db =>
    {
        var latest = await db.AuditEvents.MaxAsync(a => a.Sequence, Ct);
        while ((await db.ReadAsync(latest - 1, events => events, 1, Ct)).Next < latest)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), Ct);
        }
    });

    /// <summary>The commands sent while a round runs, and how many of them began working out a restricted view.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();
        private volatile bool _recording;

        public int RestrictedViews { get; private set; }

        public async Task<int> DuringAsync(Func<Task<int>> round)
        {
            _texts.Clear();
            _recording = true;
            try
            {
                return await round();
            }
            finally
            {
                _recording = false;
                // The view's first query: the restricted reports and whom they were circulated to.
                RestrictedViews = _texts.Count(text => text.Contains("\"PublicationStatus\"", StringComparison.Ordinal));
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command)
        {
            if (_recording)
            {
                _texts.Enqueue(command.CommandText);
            }
        }
    }
}
