namespace ComplianceApi.Domain;

/// <summary>
/// One change a client made, recorded in the same transaction as the change: who, when, through which
/// operation, to which record, and each field's value before and after. Events have no way to change:
/// the trail is only ever appended to.
/// </summary>
public sealed class AuditEvent
{
    // Replaced, not added to, so the change tracker sees a second save of the same request change it.
    private IReadOnlyList<FieldChange> _changes = [];

    private AuditEvent() { }

    public AuditEvent(string kind, string recordType, string recordId, string? forceCode, string operation, AuditClient client, Guid? loadId, DateTimeOffset now, int? recordVersion = null)
    {
        RecordVersion = recordVersion;
        Kind = kind;
        RecordType = recordType;
        RecordId = recordId;
        ForceCode = forceCode;
        Operation = operation;
        ClientName = client.Name;
        ClientId = client.Id;
        LoadId = loadId;
        OccurredAt = now;
    }

    /// <summary>The event's place in the trail, given by the database when it is written.</summary>
    public long Sequence { get; private set; }

    /// <summary>What happened, as <c>record.verb</c>: <c>response.updated</c>, <c>progress_update.recorded</c>, <c>key.revoked</c>.</summary>
    public string Kind { get; private set; } = "";

    public string RecordType { get; private set; } = "";
    public string RecordId { get; private set; } = "";

    /// <summary>The record's version after the change, for records that have one (a response); null otherwise.</summary>
    public int? RecordVersion { get; private set; }

    /// <summary>
    /// On PostgreSQL, the id of the transaction that wrote the event (<c>pg_current_xact_id()</c>), given by
    /// the database: the change feed holds back events of transactions that may still be running, so one
    /// that commits late is never passed over. SQLite runs one writer at a time and leaves it 0.
    /// </summary>
    public long TransactionId { get; private set; }

    /// <summary>The force whose record changed; null for national records (inspections, findings, keys).</summary>
    public string? ForceCode { get; private set; }

    /// <summary>The contract's name for the operation that made the change, such as UpdateForceResponse.</summary>
    public string Operation { get; private set; } = "";

    public string ClientName { get; private set; } = "";

    /// <summary>The API key's id (or, for a token, its subject) of the client that made the change.</summary>
    public string ClientId { get; private set; } = "";

    /// <summary>The spreadsheet load the change was part of, if any.</summary>
    public Guid? LoadId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public IReadOnlyList<FieldChange> Changes => _changes;

    /// <summary>
    /// The most field changes an event keeps. Only a position statement's lines come near it (a force with
    /// hundreds of findings); the statement itself, which never changes, is read whole through its own id.
    /// </summary>
    public const int MostChanges = 10_000;

    /// <summary>Adds what one save of the same request changed; a request that saves twice still makes one event.</summary>
    public void Record(IEnumerable<FieldChange> changes) => _changes = [.. _changes.Concat(changes).Take(MostChanges)];
}

/// <summary>A field's value before and after a change, as text; null where there was or is no value.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>Who made a change: the client application's name and its key's id (or a token's subject).</summary>
public sealed record AuditClient(string Name, string Id);
