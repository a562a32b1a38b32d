using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Tests.Data;

/// <summary>
/// The change feed's order lock and the data stamps are taken in one order by every writer that makes an
/// event (the lock, then the stamps), so a transaction that saves again after its event never waits, holding
/// the lock, for a stamp row held by a writer that waits for the lock.
/// </summary>
public sealed class OrderLockTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_transaction_that_changes_the_national_stamp_after_its_event_does_not_deadlock_with_a_national_writer()
    {
        await using var host = await hosts.IsolatedHostFor(Provider.Postgres);
        var connection = host.Settings["ConnectionStrings:Postgres"]!;
        await using var load = Context(connection);
        await using var writer = Context(connection);

        // A load: its event first, then (as a spreadsheet load does) the national stamp.
        await using var loadTransaction = await load.Database.BeginTransactionAsync(Ct);
        load.AuditEvents.Add(Event("import.loaded"));
        await load.SaveChangesAsync(Ct);

        // A national write meanwhile, which must wait for the load's lock.
        await using var writerTransaction = await writer.Database.BeginTransactionAsync(Ct);
        writer.Forces.Add(new Force($"t{Guid.NewGuid():N}"[..10], "Test force", ForceKind.National));
        writer.AuditEvents.Add(Event("force.created"));
        var written = Task.Run(async () =>
        {
            await writer.SaveChangesAsync(Ct);
            await writerTransaction.CommitAsync(Ct);
        }, Ct);
        await WaitUntilWaitingForTheLockAsync(connection);

        await load.MarkChangedAsync(Ct);
        await loadTransaction.CommitAsync(Ct);
        await written.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(written.IsCompletedSuccessfully);
    }

    private static AuditEvent Event(string kind) =>
        new(kind, "test", Guid.NewGuid().ToString(), null, "Test", new AuditClient("order lock test", "test"), null, DateTimeOffset.UtcNow);

    private static ComplianceDbContext Context(string connection) =>
        new(new DbContextOptionsBuilder<ComplianceDbContext>().UseNpgsql(connection).Options, new Caller(new HttpContextAccessor()));

    private static async Task WaitUntilWaitingForTheLockAsync(string connection)
    {
        await using var probe = Context(connection);
        for (var i = 0; i < 300; i++)
        {
            var waiting = await probe.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted""").SingleAsync(Ct);
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(20, Ct);
        }

        Assert.Fail("The second writer never waited for the order lock.");
    }
}
