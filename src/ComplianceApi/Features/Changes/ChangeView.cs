using System.ComponentModel.DataAnnotations;
using ComplianceApi.Domain;
using ComplianceApi.Features.Audit;
using ComplianceApi.Support;

namespace ComplianceApi.Features.Changes;

/// <summary>One committed change, as the change feed tells it: read the record itself for what it now holds.</summary>
/// <param name="Sequence">The change's place in the audit trail (GET /api/v1/audit-events): later changes have higher numbers.</param>
/// <param name="Cursor">Pass as after to continue from just after this change (the page's nextCursor continues after its last).</param>
/// <param name="Kind">What happened, as record.verb: response.updated, progress_update.recorded, finding.created, evidence.added, statement.issued, key.revoked, import.loaded.</param>
/// <param name="RecordType">The kind of record changed: response, finding, key, import (a spreadsheet load).</param>
/// <param name="RecordId">The changed record's id (a force's code for a force; the load's id for an import).</param>
/// <param name="ForceCode">The force whose record changed; null for national records (inspections, findings, national keys, national loads).</param>
/// <param name="RecordVersion">The record's version after the change, for records that have one (a response's version); null otherwise.</param>
/// <param name="OccurredAt">When the change was made.</param>
/// <param name="Client">The client application that made it.</param>
public sealed record ChangeView(
    [property: Range(1, long.MaxValue)] long Sequence,
    [property: MaxLength(ListChangesQuery.MostCursorLength)] string Cursor,
    [property: MaxLength(Lengths.Name)] string Kind,
    [property: MaxLength(Lengths.Code)] string RecordType,
    [property: MaxLength(Lengths.Name)] string RecordId,
    [property: MaxLength(Lengths.Code)] string? ForceCode,
    [property: Range(0, int.MaxValue)] int? RecordVersion,
    DateTimeOffset OccurredAt,
    AuditEventClientView Client)
{
    public static ChangeView Of(AuditEvent change) => new(
        change.Sequence,
        ListChangesQuery.CursorAfter(change.Sequence),
        change.Kind,
        change.RecordType,
        change.RecordId,
        change.ForceCode,
        change.RecordVersion,
        change.OccurredAt,
        new AuditEventClientView(change.ClientName, change.ClientId));
}

/// <summary>A page of the change feed.</summary>
/// <param name="Items">Committed changes after the cursor, oldest first, in commit order; empty when nothing new has committed.</param>
/// <param name="NextCursor">Pass as after on the next request: always present, on an empty page too, so a poller keeps its place.</param>
/// <param name="HasMore">Whether more changes are ready now; when false, poll again later with nextCursor.</param>
public sealed record ChangePage(
    [property: MaxLength(Paging.MaxLimit)] IReadOnlyList<ChangeView> Items,
    [property: MaxLength(ListChangesQuery.MostCursorLength)] string NextCursor,
    bool HasMore);
