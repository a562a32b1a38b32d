using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ComplianceApi.Data;

/// <summary>
/// One row whose <see cref="Stamp"/> every write replaces with a new random value, in the same transaction
/// as the write. Whoever read a stamp and then read data can tell, by reading the stamp again, whether any
/// write has committed since: what it read is still what the database holds exactly while the stamp is
/// unchanged. That holds across every instance of the service on one database, which an in-memory signal
/// would not. A random stamp rather than a counter: two states of the data never share one, even after a
/// database is restored from a backup.
/// </summary>
public sealed class DataVersion
{
    /// <summary>The id of the one row.</summary>
    public const int RowId = 1;

    /// <summary>The stamp the row is created with, before the first write.</summary>
    public static readonly Guid InitialStamp = new("7d3c0b1e-2f4a-4c59-9a53-5d6f8e0a1b2c");

    public int Id { get; private set; } = RowId;

    public Guid Stamp { get; private set; } = InitialStamp;
}

public static class DataVersions
{
    // Read on every cached request, so compiled once, skipping EF's query cache lookup; a compiled query
    // serves one model, and SQLite and PostgreSQL have one each.
    private static readonly ConditionalWeakTable<IModel, Func<ComplianceDbContext, CancellationToken, Task<Guid>>> ReadStamp = [];

    /// <summary>The stamp as it stands; read it before the data it is to vouch for.</summary>
    public static Task<Guid> CurrentStampAsync(this ComplianceDbContext db, CancellationToken cancellationToken) =>
        ReadStamp.GetValue(db.Model, _ => EF.CompileAsyncQuery((ComplianceDbContext context, CancellationToken _) =>
            context.DataVersions.Where(v => v.Id == DataVersion.RowId).Select(v => v.Stamp).Single()))(db, cancellationToken);

    /// <summary>
    /// Gives the data a new stamp inside the current transaction, so the stamp changes when, and only when,
    /// the write commits. Writers that go around SaveChanges (<see cref="BulkRowWriter"/>) call this before
    /// committing; SaveChanges calls it itself (<see cref="ComplianceDbContext"/>).
    /// </summary>
    public static async Task MarkChangedAsync(this ComplianceDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The data version is changed inside the transaction that writes the data.");
        }

        // Through EF, which stores the Guid as it reads it on each provider (text on SQLite).
        var stamp = Guid.NewGuid();
        await db.DataVersions.Where(v => v.Id == DataVersion.RowId).ExecuteUpdateAsync(v => v.SetProperty(p => p.Stamp, stamp), cancellationToken);
    }

    public static void MarkChanged(this ComplianceDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The data version is changed inside the transaction that writes the data.");
        }

        var stamp = Guid.NewGuid();
        db.DataVersions.Where(v => v.Id == DataVersion.RowId).ExecuteUpdate(v => v.SetProperty(p => p.Stamp, stamp));
    }
}
