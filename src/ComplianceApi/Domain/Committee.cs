namespace ComplianceApi.Domain;

/// <summary>The kinds of body a force reports its compliance to.</summary>
public enum CommitteeBody { PoliceAndCrimePanel, PoliceAndCrimeCommissioner, AuditCommittee, ForceBoard, PoliceAuthorityCommittee, Other }

/// <summary>A committee or board a force reports upward to, such as a police and crime panel or a joint audit committee.</summary>
public sealed class Committee
{
    private Committee() { }

    public Committee(Guid id, string forceCode, string name, CommitteeBody body, DateTimeOffset now)
    {
        Id = id;
        ForceCode = forceCode;
        CreatedAt = now;
        Revise(name, body, now);
    }

    public Guid Id { get; private set; }

    /// <summary>The force (or collaboration) that reports to it; its statements cover that force's responses.</summary>
    public string ForceCode { get; private set; } = "";

    public string Name { get; private set; } = "";
    public CommitteeBody Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Revise(string name, CommitteeBody body, DateTimeOffset now)
    {
        Name = name;
        Body = body;
        UpdatedAt = now;
    }
}

/// <summary>One report made to a committee, such as "Pol 49/15" to City of London's Police Committee.</summary>
public sealed class CommitteeReport
{
    private CommitteeReport() { }

    public CommitteeReport(Guid id, Committee committee, string reference, string? title, DateOnly reportedOn, DateTimeOffset now)
    {
        Id = id;
        CommitteeId = committee.Id;
        ForceCode = committee.ForceCode;
        CreatedAt = now;
        Revise(reference, title, reportedOn, now);
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    public string ForceCode { get; private set; } = "";

    /// <summary>The committee's own reference for the paper: "Pol 49/15".</summary>
    public string Reference { get; private set; } = "";

    public string? Title { get; private set; }

    /// <summary>The date of the meeting the report goes to.</summary>
    public DateOnly ReportedOn { get; private set; }

    /// <summary>When a position statement was issued with the report; after that the report is a matter of record.</summary>
    public DateTimeOffset? StatementIssuedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Revise(string reference, string? title, DateOnly reportedOn, DateTimeOffset now)
    {
        if (StatementIssuedAt is not null)
        {
            throw new DomainRuleException(
                $"Report '{Reference}' was issued with its position statement on {StatementIssuedAt:yyyy-MM-dd}; an issued report cannot change.");
        }

        Reference = reference;
        Title = title;
        ReportedOn = reportedOn;
        UpdatedAt = now;
    }

    /// <summary>Issues the report's position statement, once; what it said is then frozen.</summary>
    public IssuedStatement Issue(Guid statementId, DateOnly asOf, IssuedStatement? previous, IEnumerable<StatementLine> lines, string issuedBy, DateTimeOffset now)
    {
        if (StatementIssuedAt is not null)
        {
            throw new DomainRuleException(
                $"A position statement was already issued with report '{Reference}' on {StatementIssuedAt:yyyy-MM-dd}; issued statements never change.");
        }

        if (previous is not null && asOf < previous.AsOf)
        {
            throw new DomainRuleException(
                $"A statement as of {previous.AsOf:yyyy-MM-dd} has already been issued to this committee; the next cannot be dated before it.");
        }

        StatementIssuedAt = now;
        UpdatedAt = now;
        return new IssuedStatement(statementId, this, asOf, previous, lines, issuedBy, now);
    }
}
