namespace ComplianceApi.Domain;

public sealed class Force
{
    /// <summary>
    /// England and Wales have 43 territorial forces and a handful of national ones and collaborations; the
    /// cap keeps the unpaged list of forces bounded.
    /// </summary>
    public const int MostForces = 200;

    private readonly List<CollaborationMembership> _members = [];

    private Force() { }

    public Force(string code, string name, ForceKind kind)
    {
        Code = code;
        Name = name;
        Kind = kind;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ForceKind Kind { get; private set; }

    /// <summary>Only a collaboration has members; they are the forces whose work it coordinates.</summary>
    public IReadOnlyList<CollaborationMembership> Members => _members;

    /// <summary>
    /// Whether the force publishes its progress on HMICFRS findings on the public page. Off until its admins
    /// switch it on: what a force publishes is its own decision.
    /// </summary>
    public bool PublishesProgress { get; private set; }

    public void Rename(string name) => Name = name;

    public void PublishProgress(bool publish) => PublishesProgress = publish;

    public void SetMembers(IReadOnlyCollection<Force> members)
    {
        if (members.Count > 0 && Kind != ForceKind.Collaboration)
        {
            throw new DomainRuleException($"Only a collaboration has member forces; {Code} is {Kind}.");
        }

        if (members.Any(m => m.Kind == ForceKind.Collaboration))
        {
            throw new DomainRuleException("A collaboration's members are forces, not other collaborations.");
        }

        _members.RemoveAll(m => members.All(f => f.Code != m.MemberCode));
        foreach (var force in members.Where(f => _members.All(m => m.MemberCode != f.Code)))
        {
            _members.Add(new CollaborationMembership(Code, force.Code));
        }
    }
}

public sealed class CollaborationMembership(string collaborationCode, string memberCode)
{
    public string CollaborationCode { get; private set; } = collaborationCode;
    public string MemberCode { get; private set; } = memberCode;
}
