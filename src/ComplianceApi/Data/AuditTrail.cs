using System.Globalization;
using System.Text.Json;
using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ComplianceApi.Data;

/// <summary>
/// Turns what a request's save changed into its audit event: the record it is about (the first record it
/// added, else the first it changed), the event's kind, and every changed field's old and new value. The
/// fields of other rows the save touched (the response a progress update moves, an inspection's forces)
/// are named after their row, such as <c>response.status</c>.
/// </summary>
public static class AuditTrail
{
    /// <summary>Marks a property whose value never enters the trail: secrets and their hashes.</summary>
    public const string OmitAnnotation = "ComplianceApi:OmitFromAudit";

    // The records a client reads and writes, by the name events give them. Rows not listed are parts of
    // one of these (an inspection's forces, a finding's addressees, a response's revisions).
    private static readonly Dictionary<Type, string> Records = new()
    {
        [typeof(Force)] = "force",
        [typeof(Inspection)] = "inspection",
        [typeof(Finding)] = "finding",
        [typeof(ForceResponse)] = "response",
        [typeof(ProgressUpdate)] = "progress_update",
        [typeof(TargetDateChange)] = "target_date_change",
        [typeof(InspectorateAssessment)] = "inspectorate_assessment",
        [typeof(ActionPlan)] = "action_plan",
        [typeof(PlanAction)] = "action",
        [typeof(Evidence)] = "evidence",
        [typeof(EvidenceFile)] = "evidence_file",
        [typeof(Grading)] = "grading",
        [typeof(ReportResponse)] = "report_response",
        [typeof(ApiKey)] = "key",
        [typeof(Committee)] = "committee",
        [typeof(CommitteeReport)] = "committee_report",
        [typeof(IssuedStatement)] = "statement",
        [typeof(WebhookSubscription)] = "webhook_subscription",
    };

    // Bookkeeping: the fields every change moves, and the times a record is stamped with when it is
    // created, which would only repeat the event's own time.
    private static readonly HashSet<string> Unrecorded = ["UpdatedAt", "Version", "LoadId", "CreatedAt", "RecordedAt"];

    /// <summary>Whether a row is data a client changes, rather than bookkeeping (<see cref="DataVersions.Bookkeeping"/>: idempotency records, the data versions, the trail itself).</summary>
    public static bool IsData(EntityEntry entry) => DataVersions.IsData(entry.Metadata.ClrType);

    /// <summary>
    /// The event for a save's changes, or null when it changed only bookkeeping. Call before the save: after
    /// it, the change tracker no longer knows the old values.
    /// </summary>
    public static AuditEvent? EventFor(IReadOnlyList<EntityEntry> changed, string operation, AuditClient client, Guid? loadId, DateTimeOffset now)
    {
        // A step of a closure's four-eyes sign-off is an event about the response, whatever entry it appends.
        var subject = changed.FirstOrDefault(IsSignOffStep)
            ?? changed.FirstOrDefault(e => e.State == EntityState.Added && Records.ContainsKey(e.Metadata.ClrType))
            ?? changed.FirstOrDefault(e => e.State == EntityState.Modified && Records.ContainsKey(e.Metadata.ClrType))
            ?? changed.FirstOrDefault(e => Records.ContainsKey(e.Metadata.ClrType))
            ?? (changed.Count > 0 ? changed[0] : null);
        if (subject is null)
        {
            return null;
        }

        var recordType = Records.GetValueOrDefault(subject.Metadata.ClrType, Name(subject.Metadata));
        var audit = new AuditEvent($"{recordType}.{Verb(subject, recordType)}", recordType, KeyOf(subject), ForceOf(subject), operation, client, loadId, now, VersionOf(subject));
        audit.Record(ChangesIn(changed, subject));
        return audit;
    }

    /// <summary>The field changes of saves after the first in one request, added to its one event.</summary>
    public static IEnumerable<FieldChange> ChangesIn(IReadOnlyList<EntityEntry> changed, EntityEntry? subject)
    {
        var force = subject is null ? null : ForceOf(subject);
        var parts = new List<(EntityEntry Entry, List<FieldChange> Changes)>();
        foreach (var entry in changed)
        {
            parts.Add((entry, FieldsOf(entry, subject, force).ToList()));
        }

        // A part replaced by an equal one (a finding's addressees are written anew on every update) is no change.
        var unchanged = new HashSet<EntityEntry>();
        foreach (var (removed, removedChanges) in parts.Where(p => p.Entry.State == EntityState.Deleted && !ReferenceEquals(p.Entry, subject)))
        {
            var removedValues = removedChanges.Select(c => (c.Field, c.Old));
            var twin = parts.FirstOrDefault(p => p.Entry.State == EntityState.Added && !unchanged.Contains(p.Entry)
                && p.Entry.Metadata == removed.Metadata && p.Changes.Select(c => (c.Field, c.New)).SequenceEqual(removedValues));
            if (twin.Entry is not null)
            {
                unchanged.Add(removed);
                unchanged.Add(twin.Entry);
            }
        }

        return parts.Where(p => !unchanged.Contains(p.Entry)).SelectMany(p => p.Changes);
    }

    private static IEnumerable<FieldChange> FieldsOf(EntityEntry entry, EntityEntry? subject, string? force)
    {
        var isSubject = ReferenceEquals(entry, subject);
        var prefix = isSubject ? "" : Name(entry.Metadata) + ".";
        var key = entry.Metadata.FindPrimaryKey()!.Properties;
        var keyOrLink = key.Concat(entry.Metadata.GetForeignKeys().SelectMany(k => k.Properties)).ToHashSet();
        var linkToSubject = subject is null
            ? []
            : entry.Metadata.GetForeignKeys().Where(k => k.PrincipalEntityType == subject.Metadata).SelectMany(k => k.Properties).ToHashSet();
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (Unrecorded.Contains(metadata.Name) || metadata.FindAnnotation(OmitAnnotation) is not null)
            {
                continue;
            }

            // Another row's id and links say nothing its name does not; the subject's own are kept on creation.
            // A part's own id, its link to the subject and the force it shares with the subject say nothing either.
            if (!isSubject
                && ((keyOrLink.Contains(metadata) && entry.State == EntityState.Modified)
                    || (key.Count == 1 && key[0] == metadata)
                    || linkToSubject.Contains(metadata)
                    || (metadata.Name == "ForceCode" && !key.Contains(metadata) && force is not null && Equals(property.CurrentValue ?? property.OriginalValue, force))))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    yield return new FieldChange(prefix + Camel(metadata.Name), null, Text(property.CurrentValue));
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    yield return new FieldChange(prefix + Camel(metadata.Name), Text(property.OriginalValue), null);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    yield return new FieldChange(prefix + Camel(metadata.Name), Text(property.OriginalValue), Text(property.CurrentValue));
                    break;
            }
        }
    }

    private static string Verb(EntityEntry subject, string recordType) => subject.State switch
    {
        EntityState.Added => recordType switch
        {
            "progress_update" or "target_date_change" or "inspectorate_assessment" => "recorded",
            "evidence" => "added",
            "evidence_file" => "uploaded",
            "statement" => "issued",
            _ => "created",
        },
        EntityState.Deleted => "deleted",
        _ when subject.Entity is ApiKey && subject.Property(nameof(ApiKey.RevokedAt)).IsModified => "revoked",
        _ when IsSignOffStep(subject) => ((ForceResponse)subject.Entity).SignOff switch
        {
            SignOffStep.Requested => "signoff_requested",
            SignOffStep.SignedOff => "signed_off",
            _ => "sent_back",
        },
        _ => "updated",
    };

    private static bool IsSignOffStep(EntityEntry entry) =>
        entry is { Entity: ForceResponse { SignOff: not null }, State: EntityState.Modified } && entry.Property(nameof(ForceResponse.SignOff)).IsModified;

    private static int? VersionOf(EntityEntry entry) =>
        entry.Metadata.FindProperty("Version") is { ClrType: var type } property && type == typeof(int) ? (int?)entry.Property(property.Name).CurrentValue : null;

    private static string KeyOf(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue)));

    private static string? ForceOf(EntityEntry entry) => entry.Entity switch
    {
        Force force => force.Code,
        _ => entry.Metadata.FindProperty("ForceCode") is { } property ? entry.Property(property.Name).CurrentValue as string : null,
    };

    private static string Name(IReadOnlyTypeBase type) => Records.GetValueOrDefault(type.ClrType) ?? Camel(type.ClrType.Name);

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
