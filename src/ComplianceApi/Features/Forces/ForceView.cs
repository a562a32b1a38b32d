using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.Forces;

/// <summary>A police force, a national force, or a collaboration of forces.</summary>
/// <param name="Code">Stable code used everywhere a force is named, such as "lancashire".</param>
/// <param name="Name">The force's name.</param>
/// <param name="Kind">Territorial, national or collaboration.</param>
/// <param name="MemberCodes">For a collaboration, the codes of its member forces.</param>
public sealed record ForceView(string Code, string Name, ForceKind Kind, IReadOnlyList<string> MemberCodes)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class ForceViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Force, ForceView>()
        .Map(v => v.MemberCodes, f => f.Members.Select(m => m.MemberCode).OrderBy(c => c).ToList());
}
