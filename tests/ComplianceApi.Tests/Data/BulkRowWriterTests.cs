using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Tests.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ComplianceApi.Tests.Features.Spreadsheets.ImportTestRows;

namespace ComplianceApi.Tests.Data;

/// <summary>
/// A spreadsheet load rewrites the stored responses its rows change around SaveChanges; the rows must end
/// as SaveChanges would have left them, and a response someone else changed meanwhile must not be overwritten.
/// </summary>
public sealed class BulkRowWriterTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_stored_row_is_rewritten_with_what_changed_and_keeps_the_rest(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (host, responseId) = await StoredResponseAsync(provider);
        ForceResponse changed = null!;

        await host.WithDatabaseAsync(async db =>
        {
            var response = await db.ForceResponses.AsNoTracking().SingleAsync(r => r.Id == responseId, ct);
            var snapshot = BulkRowWriter.Snapshot(db, response);
            var update = response.RecordProgress(Entry(new DateOnly(2016, 1, 11), ResponseStatus.Implemented, "All records reviewed."), DateTimeOffset.UtcNow);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            using (var writer = BulkRowWriter.KeepingIds(db))
            {
                writer.Update(response, snapshot);
                writer.Write(update);
            }

            await transaction.CommitAsync(ct);
            changed = response;
        });

        await host.WithDatabaseAsync(async db =>
        {
            var stored = await db.ForceResponses.AsNoTracking().Include(r => r.Updates).SingleAsync(r => r.Id == responseId, ct);
            Assert.Equal(
                (ResponseStatus.Implemented, "All records reviewed.", new DateOnly(2016, 1, 11), changed.Version, changed.OwnerName, changed.DueOn),
                (stored.Status, stored.PositionStatement, stored.StatusEffectiveOn, stored.Version, stored.OwnerName, stored.DueOn));
            Assert.Contains(stored.Updates, u => u.Narrative == "All records reviewed.");
        });
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_stored_row_another_writer_changed_since_it_was_read_is_not_overwritten(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (host, responseId) = await StoredResponseAsync(provider);

        await host.WithDatabaseAsync(async mine => await host.WithDatabaseAsync(async theirs =>
        {
            var response = await mine.ForceResponses.AsNoTracking().SingleAsync(r => r.Id == responseId, ct);
            var snapshot = BulkRowWriter.Snapshot(mine, response);

            var their = await theirs.ForceResponses.SingleAsync(r => r.Id == responseId, ct);
            theirs.ProgressUpdates.Add(their.RecordProgress(Entry(new DateOnly(2016, 1, 10), ResponseStatus.InProgress, "Their entry."), DateTimeOffset.UtcNow));
            await theirs.SaveChangesAsync(ct);

            response.RecordProgress(Entry(new DateOnly(2016, 1, 11), ResponseStatus.Implemented, "My entry."), DateTimeOffset.UtcNow);
            await using var transaction = await mine.Database.BeginTransactionAsync(ct);
            using var writer = BulkRowWriter.KeepingIds(mine);
            Assert.Throws<DbUpdateConcurrencyException>(() => writer.Update(response, snapshot));
        }));

        await host.WithDatabaseAsync(async db =>
        {
            var stored = await db.ForceResponses.AsNoTracking().SingleAsync(r => r.Id == responseId, ct);
            Assert.Equal((ResponseStatus.InProgress, "Their entry."), (stored.Status, stored.PositionStatement));
        });
    }

    private static ProgressEntry Entry(DateOnly effectiveOn, ResponseStatus status, string narrative) =>
        new(effectiveOn, status, Rag.Green, narrative, "Information Management Unit", null, null);

    /// <summary>City of London's response to a finding of an inspection of its own, loaded as a force would load it.</summary>
    private async Task<(ComplianceApiHost Host, Guid ResponseId)> StoredResponseAsync(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");
        await host.AdminClient().LoadAsync(WholeWorkbook(inspection));
        var id = Guid.Empty;
        await host.WithDatabaseAsync(async db => id = await db.ForceResponses
            .Where(r => r.ForceCode == CityOfLondon && r.Finding.Inspection.Reference == inspection && r.Finding.Reference == "Recommendation 1")
            .Select(r => r.Id)
            .SingleAsync(TestContext.Current.CancellationToken));
        return (host, id);
    }
}
