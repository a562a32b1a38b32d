using ComplianceApi.Domain;
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
    DateTimeOffset RecordedAt);

public sealed class ProgressUpdateViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<ProgressUpdate, ProgressUpdateView>();
}
