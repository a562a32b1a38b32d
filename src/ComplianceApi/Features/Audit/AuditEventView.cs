using System.ComponentModel.DataAnnotations;
using ComplianceApi.Domain;
using ComplianceApi.Support;

namespace ComplianceApi.Features.Audit;

/// <summary>One change a client made, as the audit trail recorded it in the same transaction.</summary>
/// <param name="Sequence">The event's place in the trail: later events have higher numbers.</param>
/// <param name="OccurredAt">When the change was made.</param>
/// <param name="Kind">What happened, as record.verb: response.updated, progress_update.recorded, key.revoked, import.loaded.</param>
/// <param name="RecordType">The kind of record changed: response, finding, key, import (a spreadsheet load).</param>
/// <param name="RecordId">The changed record's id (a force's code for a force; the load's id for an import).</param>
/// <param name="ForceCode">The force whose record changed; null for national records (inspections, findings, national keys).</param>
/// <param name="Operation">The contract's operation that made the change, such as UpdateForceResponse.</param>
/// <param name="Client">The client application that made it.</param>
/// <param name="LoadId">The spreadsheet load the change was part of; null otherwise.</param>
/// <param name="Changes">Each field's value before and after; for an import, the file and its counts. Secrets and key hashes are never recorded.</param>
public sealed record AuditEventView(
    [property: Range(1, long.MaxValue)] long Sequence,
    DateTimeOffset OccurredAt,
    [property: MaxLength(Lengths.Name)] string Kind,
    [property: MaxLength(Lengths.Code)] string RecordType,
    [property: MaxLength(Lengths.Name)] string RecordId,
    [property: MaxLength(Lengths.Code)] string? ForceCode,
    [property: MaxLength(Lengths.Name)] string Operation,
    AuditEventClientView Client,
    Guid? LoadId,
    [property: MaxLength(AuditEvent.MostChanges)] IReadOnlyList<AuditFieldChangeView> Changes)
{
    public static AuditEventView Of(AuditEvent audit) => new(
        audit.Sequence,
        audit.OccurredAt,
        audit.Kind,
        audit.RecordType,
        audit.RecordId,
        audit.ForceCode,
        audit.Operation,
        new AuditEventClientView(audit.ClientName, audit.ClientId),
        audit.LoadId,
        [.. audit.Changes.Select(c => new AuditFieldChangeView(c.Field, c.Old, c.New))]);
}

/// <summary>The client application that made a change.</summary>
/// <param name="Name">The name its API key was issued to; for a bearer token, the token's app_displayname or client id.</param>
/// <param name="Id">Its API key's id, as GET /api/v1/api-keys/{id} shows it; for a bearer token, the token's client id and subject as clientId:subject; ComplianceApi for the service's own work.</param>
public sealed record AuditEventClientView(
    [property: MaxLength(Lengths.Name)] string Name,
    [property: MaxLength(Lengths.Name)] string Id);

/// <summary>A field's value before and after the change, as text.</summary>
/// <param name="Field">The field, as the record's view names it; a field of another row the change moved is prefixed with that row's name (response.status).</param>
/// <param name="Old">Its value before; null when it had none (a record created).</param>
/// <param name="New">Its value after; null when it has none (a value cleared, a record removed).</param>
public sealed record AuditFieldChangeView(
    [property: MaxLength(Lengths.Name)] string Field,
    [property: MaxLength(Lengths.LongText)] string? Old,
    [property: MaxLength(Lengths.LongText)] string? New);
