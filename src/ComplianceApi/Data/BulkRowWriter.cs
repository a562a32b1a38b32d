using System.Buffers.Binary;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
    /// <remarks>
    /// This and the other per-row methods are compiled optimised at their first call: a load calls them
    /// only in a real run, by the ten thousand, while tiered compilation is still busy with the rest of it.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    /// The record's values as read, column by column, for <see cref="Update"/> to tell what a change
    /// touched. Taken before any change is made to the record.
    /// </summary>
    public static object?[] Snapshot(ComplianceDbContext db, object record) =>
        [.. EntityTypeOf(db, record.GetType()).GetProperties().Select(p => IsLoadId(p) ? null : p.GetGetter().GetClrValue(record))];

    /// <summary>
    /// The shadow column naming the spreadsheet load that last wrote a row: a domain object does not hold
    /// it, so rows take the context's <see cref="ComplianceDbContext.LoadId"/>, as SaveChanges gives them.
    /// </summary>
    private static bool IsLoadId(IProperty property) =>
        property.IsShadowProperty() && property.Name == ComplianceDbContext.LoadIdColumn;

    /// <summary>
    /// Writes the columns of a stored record's row that differ from its <paramref name="snapshot"/>,
    /// provided its concurrency token still holds the value it was read with: a row another writer changed
    /// meanwhile fails the write with <see cref="DbUpdateConcurrencyException"/>, as SaveChanges would.
    /// Only the changed columns are set, as SaveChanges does, so indexes over the others are not rewritten.
    /// Its dependent collections are not written; write their new records with <see cref="Write"/>.
    /// </summary>
    public void Update(object record, object?[] snapshot)
    {
        if (!_updates.TryGetValue(record.GetType(), out var update))
        {
            update = new TableUpdate(EntityTypeOf(db, record.GetType()), db);
            _updates.Add(record.GetType(), update);
        }

        update.Execute(record, snapshot);
    }

    public void Dispose()
    {
        foreach (var insert in _inserts.Values)
        {
            insert.Command.Dispose();
        }

        foreach (var update in _updates.Values)
        {
            update.Dispose();
        }
    }

    private TableInsert InsertFor(Type type)
    {
        if (!_inserts.TryGetValue(type, out var insert))
        {
            insert = new TableInsert(EntityTypeOf(db, type), db);
            _inserts.Add(type, insert);
        }

        return insert;
    }

    private static IEntityType EntityTypeOf(ComplianceDbContext db, Type type) =>
        db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not part of the EF model.");

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    private sealed record ColumnValue(IProperty Property, IClrPropertyGetter? Getter, RelationalTypeMapping Mapping, DbParameter Parameter)
    {
        /// <summary>The value the record is stored with: its own, or for the load's column, the load writing it.</summary>
        public object? ValueOf(object record, ComplianceDbContext db) => Getter is null ? db.LoadId : Getter.GetClrValue(record);

        public bool IsOwnKey { get; } = Property.IsPrimaryKey() && !Property.IsForeignKey();
        public bool IsForeignKey { get; } = Property.IsForeignKey();

        /// <summary>Whether other rows refer to this key, so its replacement must be remembered.</summary>
        public bool IsReferenced { get; } = Property.IsPrimaryKey() && Property.DeclaringType is IEntityType entity && entity.GetReferencingForeignKeys().Any();
    }

    private sealed class TableInsert
    {
        private readonly ColumnValue[] _columns;
        private readonly ComplianceDbContext _db;

        public TableInsert(IEntityType entityType, ComplianceDbContext db)
        {
            Table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
            var table = StoreObjectIdentifier.Table(Table, entityType.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            Command = db.Database.GetDbConnection().CreateCommand();
            Command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("Bulk rows are written inside a transaction.");

            var properties = entityType.GetProperties().ToList();
            if (properties.FirstOrDefault(p => p.IsShadowProperty() && !IsLoadId(p)) is { } shadow)
            {
                throw new InvalidOperationException($"{entityType.DisplayName()}.{shadow.Name} is a shadow property, which a domain object does not hold.");
            }

            _db = db;
            _columns = properties.Select((property, index) =>
            {
                var mapping = property.GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(Command, sql.GenerateParameterName($"p{index}"), null, property.IsNullable);
                Command.Parameters.Add(parameter);
                return new ColumnValue(property, IsLoadId(property) ? null : property.GetGetter(), mapping, parameter);
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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(object record, BulkRowWriter writer)
        {
            foreach (var column in _columns)
            {
                column.Parameter.Value = writer.StoredValue(column, column.ValueOf(record, _db));
            }

            Command.ExecuteNonQuery();
            Rows++;
        }
    }

    /// <summary>An UPDATE per set of changed columns, made the first time that set is seen (a load changes the same few again and again).</summary>
    private sealed class TableUpdate : IDisposable
    {
        private readonly IEntityType _entityType;
        private readonly ComplianceDbContext _db;
        private readonly string _table;
        private readonly IProperty[] _properties;
        private readonly IClrPropertyGetter?[] _getters;
        private readonly int _loadId;
        private readonly ValueComparer[] _comparers;
        private readonly ValueConverter?[] _converters;
        private readonly int[] _key;
        private readonly int[] _tokens;
        private readonly Dictionary<ulong, (DbCommand Command, Binding[] Bindings)> _commands = [];

        public TableUpdate(IEntityType entityType, ComplianceDbContext db)
        {
            _entityType = entityType;
            _db = db;
            _table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
            _properties = [.. entityType.GetProperties()];
            if (_properties.Length > 64)
            {
                throw new InvalidOperationException($"{_table} has more columns than a change mask holds.");
            }

            _getters = [.. _properties.Select(p => IsLoadId(p) ? null : p.GetGetter())];
            _loadId = Array.FindIndex(_properties, IsLoadId);
            _comparers = [.. _properties.Select(p => p.GetValueComparer())];
            _converters = [.. _properties.Select(p => p.GetRelationalTypeMapping().Converter)];
            _key = [.. Enumerable.Range(0, _properties.Length).Where(i => _properties[i].IsPrimaryKey())];
            _tokens = [.. Enumerable.Range(0, _properties.Length).Where(i => _properties[i].IsConcurrencyToken)];
        }

        public void Execute(object record, object?[] snapshot)
        {
            var values = new object?[_properties.Length];
            var changed = 0UL;
            for (var i = 0; i < _properties.Length; i++)
            {
                if (_getters[i] is not { } getter)
                {
                    continue;
                }

                values[i] = getter.GetClrValue(record);
                if (Array.IndexOf(_key, i) < 0 && !_comparers[i].Equals(values[i], snapshot[i]))
                {
                    changed |= 1UL << i;
                }
            }

            if (changed == 0)
            {
                return;
            }

            // A row a load changes names that load; one it leaves as it was keeps the load that last wrote it.
            if (_loadId >= 0 && _db.LoadId is { } load)
            {
                values[_loadId] = load;
                changed |= 1UL << _loadId;
            }

            if (!_commands.TryGetValue(changed, out var update))
            {
                update = Prepare(changed);
                _commands.Add(changed, update);
            }

            foreach (var (column, asRead, parameter) in update.Bindings)
            {
                var value = asRead ? snapshot[column] : values[column];
                parameter.Value = value is null ? DBNull.Value : _converters[column]?.ConvertToProvider(value) ?? value;
            }

            if (update.Command.ExecuteNonQuery() != 1)
            {
                throw new DbUpdateConcurrencyException($"A row of {_table} changed, or was removed, after it was read.");
            }
        }

        public void Dispose()
        {
            foreach (var (command, _) in _commands.Values)
            {
                command.Dispose();
            }
        }

        /// <summary>SET the changed columns, WHERE the key and the concurrency token still hold the values read.</summary>
        private (DbCommand, Binding[]) Prepare(ulong changed)
        {
            var table = StoreObjectIdentifier.Table(_table, _entityType.GetSchema());
            var sql = _db.GetService<ISqlGenerationHelper>();
            var command = _db.Database.GetDbConnection().CreateCommand();
            command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("Bulk rows are written inside a transaction.");
            var bindings = new List<Binding>();
            string Assign(int column, bool asRead)
            {
                var property = _properties[column];
                var parameter = property.GetRelationalTypeMapping()
                    .CreateParameter(command, sql.GenerateParameterName($"p{bindings.Count}"), null, property.IsNullable);
                command.Parameters.Add(parameter);
                bindings.Add(new Binding(column, asRead, parameter));
                return $"{sql.DelimitIdentifier(property.GetColumnName(table)!)} = {parameter.ParameterName}";
            }

            var set = Enumerable.Range(0, _properties.Length).Where(i => (changed & (1UL << i)) != 0).Select(i => Assign(i, asRead: false)).ToList();
            var where = _key.Select(i => Assign(i, asRead: false)).Concat(_tokens.Select(i => Assign(i, asRead: true))).ToList();
            command.CommandText = $"UPDATE {sql.DelimitIdentifier(_table, _entityType.GetSchema())} SET {string.Join(", ", set)} WHERE {string.Join(" AND ", where)}";
            command.Prepare();
            return (command, [.. bindings]);
        }

        /// <summary>A parameter of a prepared UPDATE and the column whose value it takes: as the record holds it now, or as it was read.</summary>
        private readonly record struct Binding(int Column, bool AsRead, DbParameter Parameter);
    }
}
