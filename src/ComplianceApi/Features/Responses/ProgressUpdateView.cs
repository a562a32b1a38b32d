using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.Responses;

/// <summary>A dated entry in a response's history. Entries are never edited or deleted; a correction is a new entry.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="ResponseId">The response it belongs to.</param>
/// <param name="ForceCode">The force whose response it is.</param>
/// <param name="EffectiveOn">The date from which the status it records held.</param>
/// <param name="Status">The response's status from that date.</param>
/// <param name="Rag">The RAG rating from that date.</param>
/// <param name="Narrative">The position statement: what was done, and why the status is what it is.</param>
/// <param name="Author">Who wrote the entry.</param>
/// <param name="SignedOffBy">For a closing entry, who signed the response off.</param>
/// <param name="SupersededByFindingId">For a superseding entry, the finding that supersedes the response's finding.</param>
/// <param name="RecordedBy">The client application that recorded the entry (its API key's client name), beside the names typed in it; absent for entries recorded before this was kept.</param>
/// <param name="RecordedAt">When the entry was recorded in this service.</param>
public sealed record ProgressUpdateView(
    Guid Id,
    Guid ResponseId,
    string ForceCode,
    DateOnly EffectiveOn,
    ResponseStatus Status,
    Rag? Rag,
    string Narrative,
    string Author,
    string? SignedOffBy,
    Guid? SupersededByFindingId,
    string? RecordedBy,
    DateTimeOffset RecordedAt)
    : ITaggedView
{
    /// <summary>The entry's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class ProgressUpdateViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<ProgressUpdate, ProgressUpdateView>();
}
