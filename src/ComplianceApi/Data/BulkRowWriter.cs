using System.Buffers.Binary;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceApi.Data;

/// <summary>
/// Writes domain objects straight to their tables with one prepared INSERT per table, inside the caller's
/// transaction: a million rows through the change tracker would take minutes and gigabytes. Tables,
/// columns and value conversions come from the EF model, so a row is stored exactly as EF would store it,
/// and a column or table the model gains is written without touching this class. An object's dependent
/// collections (a response's progress updates, a finding's addressees) follow it.
/// </summary>
/// <remarks>
/// The domain gives some records ids of its own making (random version-7 GUIDs). So that the same seed
/// always writes the same rows, every Guid key is replaced, in the order rows are written, by a
/// version-7 GUID whose time part counts rows from <paramref name="idEpoch"/> and whose random part comes
/// from <paramref name="random"/>; foreign keys follow the replacement. Ids therefore sort in the order
/// the rows were written, as ids issued by the service sort in the order records were recorded.
/// </remarks>
public sealed class BulkRowWriter(ComplianceDbContext db, Random random, DateTimeOffset idEpoch) : IDisposable
{
    private readonly Dictionary<Type, TableInsert> _inserts = [];
    private readonly Dictionary<Guid, Guid> _idsOfReferencedRows = [];
    private readonly long _epochMilliseconds = idEpoch.ToUnixTimeMilliseconds();
    private long _rowsWritten;

    /// <summary>Rows written so far, per table.</summary>
    public IReadOnlyDictionary<string, long> RowsPerTable =>
        _inserts.Values.GroupBy(i => i.Table).ToDictionary(g => g.Key, g => g.Sum(i => i.Rows));

    /// <summary>The id a record was stored under, for records other rows refer to.</summary>
    public Guid StoredIdOf(Guid domainId) => _idsOfReferencedRows[domainId];

    /// <summary>Writes the record, then the records of its dependent collections, each before its own dependents.</summary>
    public void Write(object record)
    {
        var insert = InsertFor(record.GetType());
        insert.Execute(record, this);
        foreach (var navigation in insert.Dependents)
        {
            if (navigation.GetGetter().GetClrValue(record) is System.Collections.IEnumerable dependents)
            {
                foreach (var dependent in dependents)
                {
                    Write(dependent);
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (var insert in _inserts.Values)
        {
            insert.Command.Dispose();
        }
    }

    private TableInsert InsertFor(Type type)
    {
        if (!_inserts.TryGetValue(type, out var insert))
        {
            var entityType = db.Model.FindEntityType(type)
                ?? throw new InvalidOperationException($"{type.Name} is not part of the EF model.");
            insert = new TableInsert(entityType, db);
            _inserts.Add(type, insert);
        }

        return insert;
    }

    private Guid NextId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var milliseconds = _epochMilliseconds + _rowsWritten++;
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, milliseconds);
        time[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private object? StoredValue(ColumnValue column, object? value)
    {
        if (value is Guid id)
        {
            if (column.IsOwnKey)
            {
                var stored = NextId();
                if (column.IsReferenced)
                {
                    _idsOfReferencedRows.Add(id, stored);
                }

                value = stored;
            }
            else if (column.IsForeignKey)
            {
                value = _idsOfReferencedRows.TryGetValue(id, out var stored)
                    ? stored
                    : throw new InvalidOperationException(
                        $"{column.Property.DeclaringType.DisplayName()}.{column.Property.Name} refers to {id}, which has not been written yet.");
            }
        }

        return value is null ? DBNull.Value : column.Mapping.Converter?.ConvertToProvider(value) ?? value;
    }

    private sealed record ColumnValue(IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, DbParameter Parameter)
    {
        public bool IsOwnKey { get; } = Property.IsPrimaryKey() && !Property.IsForeignKey();
        public bool IsForeignKey { get; } = Property.IsForeignKey();

        /// <summary>Whether other rows refer to this key, so its replacement must be remembered.</summary>
        public bool IsReferenced { get; } = Property.IsPrimaryKey() && Property.DeclaringType is IEntityType entity && entity.GetReferencingForeignKeys().Any();
    }

    private sealed class TableInsert
    {
        private readonly ColumnValue[] _columns;

        public TableInsert(IEntityType entityType, ComplianceDbContext db)
        {
            Table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
            var table = StoreObjectIdentifier.Table(Table, entityType.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            Command = db.Database.GetDbConnection().CreateCommand();
            Command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("Bulk rows are written inside a transaction.");

            var properties = entityType.GetProperties().ToList();
            if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            {
                throw new InvalidOperationException($"{entityType.DisplayName()}.{shadow.Name} is a shadow property, which a domain object does not hold.");
            }

            _columns = properties.Select((property, index) =>
            {
                var mapping = property.GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(Command, sql.GenerateParameterName($"p{index}"), null, property.IsNullable);
                Command.Parameters.Add(parameter);
                return new ColumnValue(property, property.GetGetter(), mapping, parameter);
            }).ToArray();

            Command.CommandText =
                $"INSERT INTO {sql.DelimitIdentifier(Table, entityType.GetSchema())} "
                + $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) "
                + $"VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))})";
            Command.Prepare();

            Dependents = entityType.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent).ToArray();
        }

        public string Table { get; }
        public DbCommand Command { get; }
        public INavigation[] Dependents { get; }
        public long Rows { get; private set; }

        public void Execute(object record, BulkRowWriter writer)
        {
            foreach (var column in _columns)
            {
                column.Parameter.Value = writer.StoredValue(column, column.Getter.GetClrValue(record));
            }

            Command.ExecuteNonQuery();
            Rows++;
        }
    }
}
