using System.Diagnostics;
using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Http;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplianceApi.Tests.Http;

/// <summary>
/// On PostgreSQL a write's time goes in round trips, not in its statements: each is a wait on the server
/// and then on the thread pool, which readers keep busy. A write's transaction sends only what it needs.
/// </summary>
public sealed class WriteRoundTripsTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_progress_update_with_an_idempotency_key_reaches_PostgreSQL_in_eight_round_trips_from_its_key_lock_to_its_commit()
    {
        var host = await hosts.For(Provider.Postgres);
        var admin = host.AdminClient();
        var response = await admin.CreateResponseAsync((await host.CreateFindingAsync()).Id);
        var key = Guid.NewGuid().ToString();
        using var statements = new StatementsSent();

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/responses/{response.Id}/updates")
        {
            Content = System.Net.Http.Json.JsonContent.Create(ResponseTestData.Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress), options: HttpAssertions.Json),
        };
        request.Headers.Add(WriteRequests.IdempotencyKeyHeader, $"\"{key}\"");
        using var recorded = await admin.SendAsync(request, Ct);
        await recorded.ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);

        var sent = statements.OfTheContextThatSent(key);
        var fromKeyLock = sent.SkipWhile(s => !s.Contains("pg_try_advisory_xact_lock", StringComparison.Ordinal)).ToList();
        var transaction = fromKeyLock[..(fromKeyLock.IndexOf("COMMIT") + 1)];
        Assert.NotEmpty(transaction);
        Assert.DoesNotContain(transaction, s => s.StartsWith("SAVEPOINT", StringComparison.Ordinal) || s.StartsWith("RELEASE", StringComparison.Ordinal));
        // The change feed's order lock and the stamps of the data written, the lock first, in one command.
        Assert.Contains(transaction, s => s.Contains("pg_advisory_xact_lock(", StringComparison.Ordinal)
            && s.IndexOf("pg_advisory_xact_lock(", StringComparison.Ordinal) < s.IndexOf("\"ForceDataVersions\"", StringComparison.Ordinal));
        // The key's lock, its stored outcome, the response, the update and the response's new state, the order
        // lock and the stamps, the audit event, the key's outcome, the commit.
        Assert.True(transaction.Count <= 8, string.Join("\n---\n", transaction));
    }

    /// <summary>What EF sends, per context, in order: commands, savepoints and commits, from every context in this process.</summary>
    private sealed class StatementsSent : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<(DbContext Context, string Text)> _sent = [];
        private readonly List<IDisposable> _subscriptions = [];

        public StatementsSent() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        /// <summary>What the context whose commands carried <paramref name="parameter"/> (in a parameter's value) sent.</summary>
        public List<string> OfTheContextThatSent(string parameter)
        {
            lock (_sent)
            {
                var context = _sent.First(s => s.Text.Contains(parameter, StringComparison.Ordinal)).Context;
                return [.. _sent.Where(s => ReferenceEquals(s.Context, context)).Select(s => s.Text)];
            }
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(listener.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            var text = value.Value switch
            {
                CommandEventData command when value.Key == RelationalEventId.CommandExecuting.Name =>
                    command.Command.CommandText + string.Concat(command.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => $"\n{p.Value}")),
                TransactionEventData when value.Key == RelationalEventId.TransactionCommitting.Name => "COMMIT",
                TransactionEventData when value.Key == RelationalEventId.CreatingTransactionSavepoint.Name => "SAVEPOINT",
                TransactionEventData when value.Key == RelationalEventId.ReleasingTransactionSavepoint.Name => "RELEASE SAVEPOINT",
                _ => null,
            };
            if (text is not null && value.Value is DbContextEventData { Context: { } context })
            {
                lock (_sent)
                {
                    _sent.Add((context, text));
                }
            }
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
