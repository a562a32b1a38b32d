using System.Buffers.Binary;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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
    private readonly Dictionary<Type, TableUpdate> _updates = [];
    private readonly bool _keepsIds;
    private readonly Dictionary<Guid, Guid> _idsOfReferencedRows = [];
    private readonly long _epochMilliseconds = idEpoch.ToUnixTimeMilliseconds();
    private long _rowsWritten;

    private BulkRowWriter(ComplianceDbContext db)
        : this(db, Random.Shared, DateTimeOffset.UnixEpoch) => _keepsIds = true;

    /// <summary>
    /// A writer that stores records under the ids the domain gave them, for records written beside
    /// stored ones (a spreadsheet load): their rows may refer to stored rows, and to each other.
    /// </summary>
    public static BulkRowWriter KeepingIds(ComplianceDbContext db) => new(db);

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

    /// <summary>
    /// Rewrites a stored record's row from the object (every column but the key), provided its
    /// concurrency token still holds <paramref name="originalToken"/>, the value it was read with: a row
    /// another writer changed meanwhile fails the write with <see cref="DbUpdateConcurrencyException"/>,
    /// as SaveChanges would. Its dependent collections are not written; write their new records with <see cref="Write"/>.
    /// </summary>
    public void Update(object record, object? originalToken)
    {
        if (!_updates.TryGetValue(record.GetType(), out var update))
        {
            var entityType = db.Model.FindEntityType(record.GetType())
                ?? throw new InvalidOperationException($"{record.GetType().Name} is not part of the EF model.");
            update = new TableUpdate(entityType, db);
            _updates.Add(record.GetType(), update);
        }

        update.Execute(record, originalToken);
    }

    public void Dispose()
    {
        foreach (var insert in _inserts.Values)
        {
            insert.Command.Dispose();
        }

        foreach (var update in _updates.Values)
        {
            update.Command.Dispose();
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
        if (value is Guid id && !_keepsIds)
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

    private sealed class TableUpdate
    {
        private readonly (IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter)[] _values;
        private readonly DbParameter? _originalToken;
        private readonly ValueConverter? _tokenConverter;
        private readonly string _table;

        public TableUpdate(IEntityType entityType, ComplianceDbContext db)
        {
            _table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
            var table = StoreObjectIdentifier.Table(_table, entityType.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            Command = db.Database.GetDbConnection().CreateCommand();
            Command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("Bulk rows are written inside a transaction.");

            var key = entityType.FindPrimaryKey()!.Properties;
            var set = entityType.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
            var index = 0;
            DbParameter Parameter(IProperty property)
            {
                var mapping = property.GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(Command, sql.GenerateParameterName($"p{index++}"), null, property.IsNullable);
                Command.Parameters.Add(parameter);
                return parameter;
            }

            string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);

            _values = [.. set.Concat(key).Select(p => (p.GetGetter(), p.GetRelationalTypeMapping().Converter, Parameter(p)))];
            var where = key.Select((p, i) => $"{Column(p)} = {_values[set.Count + i].Parameter.ParameterName}").ToList();
            if (entityType.GetProperties().SingleOrDefault(p => p.IsConcurrencyToken) is { } token)
            {
                _originalToken = Parameter(token);
                _tokenConverter = token.GetRelationalTypeMapping().Converter;
                where.Add($"{Column(token)} = {_originalToken.ParameterName}");
            }

            Command.CommandText =
                $"UPDATE {sql.DelimitIdentifier(_table, entityType.GetSchema())} "
                + $"SET {string.Join(", ", set.Select((p, i) => $"{Column(p)} = {_values[i].Parameter.ParameterName}"))} "
                + $"WHERE {string.Join(" AND ", where)}";
            Command.Prepare();
        }

        public DbCommand Command { get; }

        public void Execute(object record, object? originalToken)
        {
            foreach (var (getter, converter, parameter) in _values)
            {
                var value = getter.GetClrValue(record);
                parameter.Value = value is null ? DBNull.Value : converter?.ConvertToProvider(value) ?? value;
            }

            if (_originalToken is not null)
            {
                _originalToken.Value = originalToken is null ? DBNull.Value : _tokenConverter?.ConvertToProvider(originalToken) ?? originalToken;
            }

            if (Command.ExecuteNonQuery() != 1)
            {
                throw new DbUpdateConcurrencyException($"A row of {_table} changed, or was removed, after it was read.");
            }
        }
    }
}
