using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

public static class RowLocks
{
    /// <summary>
    /// Locks one record's row until the transaction ends, so a condition checked on it (If-Match) still holds
    /// when the write commits: a second writer waits here, then reads what the first wrote. On SQLite the
    /// write transaction itself is the lock (IMMEDIATE: one writer at a time), so nothing more is needed.
    /// </summary>
    public static async Task LockRowAsync(this ComplianceDbContext db, Type entity, string key, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row is locked inside the transaction that writes it.");
        }

        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not stored.");
        var column = type.FindPrimaryKey()!.Properties.Single();
        object value = column.ClrType == typeof(Guid) ? Guid.Parse(key) : key;
        var sql = $"SELECT 1 FROM \"{type.GetTableName()}\" WHERE \"{column.GetColumnName()}\" = {{0}} FOR UPDATE";
        await db.Database.ExecuteSqlRawAsync(sql, [value], cancellationToken);
    }
}
