using System.Linq.Expressions;
using ComplianceApi.Domain;

namespace ComplianceApi.Features.Forces;

/// <summary>A police force, a national force, or a collaboration of forces.</summary>
/// <param name="Code">Stable code used everywhere a force is named, such as "lancashire".</param>
/// <param name="Name">The force's name.</param>
/// <param name="Kind">Territorial, national or collaboration.</param>
/// <param name="MemberCodes">For a collaboration, the codes of its member forces.</param>
public sealed record ForceView(string Code, string Name, ForceKind Kind, IReadOnlyList<string> MemberCodes)
{
    public static readonly Expression<Func<Force, ForceView>> Projection = f =>
        new ForceView(f.Code, f.Name, f.Kind, f.Members.Select(m => m.MemberCode).OrderBy(c => c).ToList());

    private static readonly Func<Force, ForceView> Compiled = Projection.Compile();

    public static ForceView From(Force force) => Compiled(force);
}
