using ComplianceApi.Data.Migrations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using System.Text.Json;

namespace ComplianceApi.Data;

public sealed class ComplianceDbContext : DbContext, IDataProtectionKeyContext
{
    private readonly Caller _caller;
    private readonly TimeProvider? _clock;

    public ComplianceDbContext(DbContextOptions<ComplianceDbContext> options, Caller caller, TimeProvider? clock = null)
        : base(options)
    {
        _caller = caller;
        _clock = clock;

        // EF wraps each save inside a transaction in a savepoint, so that a caller could go on in the transaction
        // after the save failed. None does: a failed save fails its request (or its day's reminder run), whose
        // transaction then rolls back. On PostgreSQL each savepoint is two more round trips per save, and a
        // write saves up to three times (its data, its audit event, its Idempotency-Key's outcome).
        Database.AutoSavepointsEnabled = false;
    }

    // Read per query by the filters below, so one model serves callers of every scope. A property, not a
    // field set at construction: the authentication handler resolves this (scoped) context before the
    // request's user is known, so a value captured then would be null, and hide nothing, for every caller.
    // The null check on a nullable parameter lets EF drop the filter from a national caller's SQL.
    private string? ForceScope => _caller.ForceCode;

    // The forces a scoped caller acts for: its own, or a collaboration and its members (Caller.ForceCodes).
    private string[] ForceScopes => _caller.ForceCodes is { } codes ? [.. codes] : [];

    // The records restricted reports hide from a scoped caller (Data/RestrictedReports.cs): every filter below
    // tests a row's own id against it. A scoped caller whose view was never worked out is refused, not shown all.
    private Guid[] Hidden => ForceScope is null ? [] : _caller.Restricted?.Hidden
        ?? throw new InvalidOperationException("The caller's view of restricted reports was not worked out before reading (Http/RestrictedReads.cs).");

    public DbSet<Force> Forces => Set<Force>();
    public DbSet<CollaborationMembership> CollaborationMemberships => Set<CollaborationMembership>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<ForceResponse> ForceResponses => Set<ForceResponse>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<InspectorateAssessment> InspectorateAssessments => Set<InspectorateAssessment>();
    public DbSet<ResponseRevision> ResponseRevisions => Set<ResponseRevision>();
    public DbSet<TargetDateChange> TargetDateChanges => Set<TargetDateChange>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<EvidenceFileChunk> EvidenceFileChunks => Set<EvidenceFileChunk>();
    public DbSet<Grading> Gradings => Set<Grading>();
    public DbSet<ReportResponse> ReportResponses => Set<ReportResponse>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<CommitteeReport> CommitteeReports => Set<CommitteeReport>();
    public DbSet<IssuedStatement> IssuedStatements => Set<IssuedStatement>();
    public DbSet<StatementLine> StatementLines => Set<StatementLine>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>The service's today (England and Wales), by the clock the context was given.</summary>
    public DateOnly Today => (_clock ?? TimeProvider.System).Today();

    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<ForceDataVersion> ForceDataVersions => Set<ForceDataVersion>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ReminderRun> ReminderRuns => Set<ReminderRun>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    /// <summary>ASP.NET Core Data Protection's key ring, kept here so every instance can read what another protected (webhook signing secrets).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The spreadsheet load the context's writes belong to: set by an import, which records one audit event
    /// for the whole load, and every row it writes carries the load's id.
    /// </summary>
    public Guid? LoadId { get; set; }

    /// <summary>The audit event of the transaction in progress: a request that saves twice still makes one event.</summary>
    private (object Transaction, AuditEvent Event)? _audited;

    // The transaction whose writes have already changed the national data version: one that saves several
    // times changes it once, and then holds its row lock only until it commits. Force stamps are changed on
    // each save that writes the force's rows (a row lock the transaction already holds costs nothing more).
    private object? _versionChangedIn;

    // The transaction holding the change feed's order lock.
    private object? _orderLockedIn;

    /// <summary>
    /// Every save that writes data also changes a data version, in the same transaction, so caches
    /// validated against them (the HTTP edge's first-page cache) never outlive the data they hold: the
    /// stamps of the forces whose records it wrote, or the national one when it wrote anything else
    /// (<see cref="Data.DataVersions.ScopeOf"/>). A save outside a transaction gets one of its own for that.
    /// Issued position statements are a record of what a committee was told: the domain gives them no way
    /// to change, and this refuses any change that reaches the database another way.
    /// </summary>
    /// <remarks>
    /// The audit event is written last, and on PostgreSQL under the change feed's transaction lock
    /// (<see cref="ChangeFeed.OrderLockStatement"/>), held until commit: writers take it one after another, so
    /// an event numbered while holding it is numbered in commit order, which the change feed relies on. It is
    /// a lock on no row, taken only by writes that make an event, after their data and just before their
    /// stamps, in the same command. Taking it before the data would make a writer wait for a record's lock
    /// while holding it, against one that holds the record (If-Match) and waits for the lock: a deadlock.
    /// Taking it after the stamps made one too, with a transaction that saves again after its event (a
    /// spreadsheet load's national stamp, a second save's force): that one waits, holding the lock, for a
    /// stamp row held by a writer that waits for the lock. A writer that makes an event now changes stamps
    /// only while holding the lock, so it never waits for a stamp row, only for the lock.
    /// </remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = DataChanges();
        if (changed.Count == 0 && !EventsToWrite())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is { } current)
        {
            return await SaveInAsync(changed, current, acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var written = await SaveInAsync(changed, transaction, acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var changed = DataChanges();
        if (changed.Count == 0 && !EventsToWrite())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        if (Database.CurrentTransaction is { } current)
        {
            return SaveIn(changed, current, acceptAllChangesOnSuccess);
        }

        using var transaction = Database.BeginTransaction();
        var written = SaveIn(changed, transaction, acceptAllChangesOnSuccess);
        transaction.Commit();
        return written;
    }

    private async Task<int> SaveInAsync(List<EntityEntry> changed, object transaction, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (changed.Count > 0)
        {
            Audit(changed, transaction);
        }

        var scope = Data.DataVersions.ScopeOf(changed);
        var events = HoldNewEvents();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var (stamps, orderLock) = StampsAndOrderLock(scope, events, transaction);
        await this.MarkChangedAsync(stamps, orderLock, cancellationToken);
        Stamped(stamps, orderLock, transaction);
        if (events.Count > 0)
        {
            AuditEvents.AddRange(events);
            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        return saved;
    }

    private int SaveIn(List<EntityEntry> changed, object transaction, bool acceptAllChangesOnSuccess)
    {
        if (changed.Count > 0)
        {
            Audit(changed, transaction);
        }

        var scope = Data.DataVersions.ScopeOf(changed);
        var events = HoldNewEvents();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        var (stamps, orderLock) = StampsAndOrderLock(scope, events, transaction);
        this.MarkChanged(stamps, orderLock);
        Stamped(stamps, orderLock, transaction);
        if (events.Count > 0)
        {
            AuditEvents.AddRange(events);
            saved += base.SaveChanges(acceptAllChangesOnSuccess);
        }

        return saved;
    }

    /// <summary>
    /// What the save must still do before its events are written: the stamps of what it wrote (none when this
    /// transaction has changed the national one already), and the change feed's order lock when it has events
    /// and the transaction does not hold the lock yet. Both go in one command, the lock first.
    /// </summary>
    private (DataScope Stamps, string? OrderLock) StampsAndOrderLock(DataScope scope, List<AuditEvent> events, object transaction) =>
        (ReferenceEquals(_versionChangedIn, transaction) ? DataScope.Nothing : scope,
         events.Count > 0 && !ReferenceEquals(_orderLockedIn, transaction) ? this.OrderLockStatement() : null);

    private void Stamped(DataScope stamps, string? orderLock, object transaction)
    {
        _versionChangedIn = stamps.National ? transaction : _versionChangedIn;
        _orderLockedIn = orderLock is not null ? transaction : _orderLockedIn;
    }

    private bool EventsToWrite() => ChangeTracker.Entries<AuditEvent>().Any(e => e.State == EntityState.Added);

    /// <summary>Takes the events still to be written out of the save, to be written once the data version is locked.</summary>
    private List<AuditEvent> HoldNewEvents()
    {
        var held = ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).ToList();
        foreach (var entry in held)
        {
            entry.State = EntityState.Detached;
        }

        return [.. held.Select(e => e.Entity)];
    }

    /// <summary>
    /// The rows a save would change that are data, not bookkeeping: a save of only idempotency records or
    /// audit events changes neither the data version nor the trail.
    /// </summary>
    private List<EntityEntry> DataChanges()
    {
        RefuseChangesToIssuedStatements();
        ChangeTracker.DetectChanges();
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && AuditTrail.IsData(e))
            .ToList();
        if (LoadId is { } load)
        {
            foreach (var entry in changed.Where(e => e.State != EntityState.Deleted && e.Metadata.FindProperty(LoadIdColumn) is not null))
            {
                entry.Property(LoadIdColumn).CurrentValue = load;
            }
        }

        return changed;
    }

    /// <summary>
    /// Records the save's changes as the request's audit event, in the same transaction. Writes no request
    /// asked for (start-up, sample data) are not a client's changes; a load records its own one event.
    /// </summary>
    private void Audit(List<EntityEntry> changed, object transaction)
    {
        if (_caller.Operation is not { } operation || LoadId is not null)
        {
            return;
        }

        if (_audited is { } audited && ReferenceEquals(audited.Transaction, transaction))
        {
            audited.Event.Record(AuditTrail.ChangesIn(changed, subject: null));
            return;
        }

        if (AuditTrail.EventFor(changed, operation, _caller.Client, null, (_clock ?? TimeProvider.System).GetUtcNow()) is { } audit)
        {
            AuditEvents.Add(audit);
            _audited = (transaction, audit);
        }
    }

    /// <summary>The column, on every table a spreadsheet load writes, holding the id of the load that last wrote the row.</summary>
    public const string LoadIdColumn = "LoadId";

    private void RefuseChangesToIssuedStatements()
    {
        if (ChangeTracker.Entries().Any(e => e.Entity is IssuedStatement or StatementLine && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new DomainRuleException("An issued position statement is a record of what the committee was told; it never changes.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        foreach (var enumType in typeof(Rag).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == typeof(Rag).Namespace))
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(Lengths.EnumName);
        }

        // SQLite cannot order or compare DateTimeOffset; a UTC DateTime sorts as text there and maps to
        // timestamptz on PostgreSQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeConverter>();
    }

    // Each provider has its own chain of migrations and model snapshot, whoever configured this context.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IMigrationsAssembly, MigrationsPerProvider>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Force>(force =>
        {
            force.HasKey(f => f.Code);
            force.Property(f => f.Code).HasMaxLength(Lengths.Code);
            force.Property(f => f.Name).HasMaxLength(Lengths.Name);
            force.HasIndex(f => f.Name).IsUnique();
            // Rows from before the public page existed do not publish; the default says so in the schema too.
            force.Property(f => f.PublishesProgress).HasDefaultValue(false).ValueGeneratedNever();
            force.HasMany(f => f.Members).WithOne().HasForeignKey(m => m.CollaborationCode).OnDelete(DeleteBehavior.Cascade);
            force.Navigation(f => f.Members).AutoInclude();
        });

        modelBuilder.Entity<CollaborationMembership>(membership =>
        {
            membership.HasKey(m => new { m.CollaborationCode, m.MemberCode });
            membership.Property(m => m.CollaborationCode).HasMaxLength(Lengths.Code);
            membership.Property(m => m.MemberCode).HasMaxLength(Lengths.Code);
            membership.HasOne<Force>().WithMany().HasForeignKey(m => m.MemberCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Inspection>(inspection =>
        {
            inspection.HasQueryFilter(i => ForceScope == null || !Hidden.Contains(i.Id));
            inspection.Property(i => i.Reference).HasMaxLength(Lengths.Reference);
            inspection.HasIndex(i => i.Reference).IsUnique();
            inspection.Property(i => i.Title).HasMaxLength(Lengths.Title);
            inspection.Property(i => i.Link).HasMaxLength(Lengths.Url);
            inspection.HasIndex(i => i.PublishedOn);
            inspection.HasMany(i => i.ForcesInScope).WithOne().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Cascade);
            inspection.Navigation(i => i.ForcesInScope).AutoInclude();
            inspection.HasMany(i => i.CirculatedTo).WithOne().HasForeignKey(c => c.InspectionId).OnDelete(DeleteBehavior.Cascade);
            inspection.Navigation(i => i.CirculatedTo).AutoInclude();
        });

        modelBuilder.Entity<InspectionForce>(scope =>
        {
            scope.HasKey(f => new { f.InspectionId, f.ForceCode });
            scope.Property(f => f.ForceCode).HasMaxLength(Lengths.Code);
            scope.HasOne<Force>().WithMany().HasForeignKey(f => f.ForceCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<InspectionCirculation>(circulation =>
        {
            circulation.HasKey(c => new { c.InspectionId, c.ForceCode });
            circulation.Property(c => c.ForceCode).HasMaxLength(Lengths.Code);
            circulation.HasOne<Force>().WithMany().HasForeignKey(c => c.ForceCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Finding>(finding =>
        {
            finding.HasQueryFilter(f => ForceScope == null || !Hidden.Contains(f.Id));
            finding.HasOne(f => f.Inspection).WithMany().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Restrict);
            finding.Navigation(f => f.Inspection).AutoInclude();
            finding.Property(f => f.Reference).HasMaxLength(Lengths.Reference);
            finding.HasIndex(f => new { f.InspectionId, f.Reference }).IsUnique();
            finding.Property(f => f.Text).HasMaxLength(Lengths.LongText);
            finding.Property(f => f.DeadlineText).HasMaxLength(Lengths.Name);
            finding.HasIndex(f => f.DueDate);
            finding.Ignore(f => f.Deadline);

            // The default lets the migration add the column NOT NULL to a table with rows; EF never relies
            // on it and always writes the kind the domain resolved.
            finding.Property(f => f.DeadlineKind).HasDefaultValue(DeadlineKind.None).ValueGeneratedNever();
            finding.HasOne<Finding>().WithMany().HasForeignKey(f => f.CauseOfConcernId).OnDelete(DeleteBehavior.Restrict);
            finding.HasMany(f => f.Addressees).WithOne().HasForeignKey(a => a.FindingId).OnDelete(DeleteBehavior.Cascade);
            finding.Navigation(f => f.Addressees).AutoInclude();
            finding.Property(f => f.TagText).HasMaxLength(Tags.StoredLength).HasDefaultValue("").ValueGeneratedNever();
            finding.Property(f => f.TagKeys).HasMaxLength(Tags.StoredLength).HasDefaultValue("").ValueGeneratedNever();
        });

        modelBuilder.Entity<FindingAddressee>(addressee =>
        {
            addressee.Property(a => a.ForceCode).HasMaxLength(Lengths.Code);
            addressee.Property(a => a.Name).HasMaxLength(Lengths.Name);
            addressee.HasOne<Force>().WithMany().HasForeignKey(a => a.ForceCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ForceResponse>(response =>
        {
            response.HasQueryFilter(r => ForceScope == null || (ForceScopes.Contains(r.ForceCode) && !Hidden.Contains(r.Id)));
            response.HasOne(r => r.Finding).WithMany().HasForeignKey(r => r.FindingId).OnDelete(DeleteBehavior.Restrict);
            response.Property(r => r.ForceCode).HasMaxLength(Lengths.Code);
            response.HasOne<Force>().WithMany().HasForeignKey(r => r.ForceCode).OnDelete(DeleteBehavior.Restrict);
            response.HasIndex(r => new { r.FindingId, r.ForceCode }).IsUnique();
            response.HasIndex(r => new { r.ForceCode, r.Status });

            // A force's responses page by id; this reads a page in order instead of sorting all of them. It also
            // holds what a force's summary counts today and what the as-of fold starts from, so those read a
            // range of it and none of the rows, which are wide and scattered (migration ComputedViewIndexes), and
            // when its latest update took effect, which spares the fold the histories of responses that have not
            // changed since the date it is folded to (migration LatestUpdateInIndex).
            response.HasIndex(r => new { r.ForceCode, r.Id, r.TrackedSince, r.FindingId, r.Status, r.Rag, r.RevisedTargetDate, r.StatusEffectiveOn })
                .HasDatabaseName("IX_ForceResponses_ForceCode_Id_State");

            // A force's overdue and due-between lists: a range of this index, holding the status that tells open
            // from finished and the id the page is ordered and cut by, so neither the count nor the page's ids
            // read a row (migration 20261121150000_ResponseDueOn).
            response.HasIndex(r => new { r.ForceCode, r.DueOn, r.Status, r.Id });

            response.Property(r => r.OwnerName).HasMaxLength(Lengths.Name);
            response.Property(r => r.OwnerRole).HasMaxLength(Lengths.Name);
            response.Property(r => r.GovernanceBoard).HasMaxLength(Lengths.Name);
            response.Property(r => r.Constraints).HasMaxLength(Lengths.LongText);
            response.Property(r => r.PositionStatement).HasMaxLength(Lengths.LongText);
            response.Property(r => r.PublicStatement).HasMaxLength(Lengths.LongText);
            response.Property(r => r.TagText).HasMaxLength(Tags.StoredLength).HasDefaultValue("").ValueGeneratedNever();
            response.Property(r => r.TagKeys).HasMaxLength(Tags.StoredLength).HasDefaultValue("").ValueGeneratedNever();
            response.Property(r => r.ClosedBy).HasMaxLength(Lengths.Name);
            response.Property(r => r.SignOffRequestedBy).HasMaxLength(Lengths.Name);
            response.Property(r => r.SignOffRequestedByName).HasMaxLength(Lengths.Name);
            response.Property(r => r.SignOffDecidedBy).HasMaxLength(Lengths.Name);
            response.Property(r => r.SignOffDecidedByName).HasMaxLength(Lengths.Name);
            response.Property(r => r.SentBackReason).HasMaxLength(Lengths.LongText);
            response.HasOne<Finding>().WithMany().HasForeignKey(r => r.SupersededByFindingId).OnDelete(DeleteBehavior.Restrict);
            response.Property(r => r.Version).IsConcurrencyToken();
            response.HasMany(r => r.Updates).WithOne().HasForeignKey(u => u.ResponseId).OnDelete(DeleteBehavior.Restrict);
            response.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.ResponseId).OnDelete(DeleteBehavior.Restrict);
            response.HasMany(r => r.TargetDateChanges).WithOne().HasForeignKey(c => c.ResponseId).OnDelete(DeleteBehavior.Restrict);

            // Never used for a new row (the domain always sets it): SQLite cannot add a NOT NULL column
            // without a default, and the migration that added it filled in the existing rows.
            response.Property(r => r.TrackedSince).HasDefaultValue(DateOnly.MinValue);
        });

        modelBuilder.Entity<ResponseRevision>(revision =>
        {
            revision.HasQueryFilter(v => ForceScope == null || (ForceScopes.Contains(v.ForceCode) && !Hidden.Contains(v.Id)));
            revision.Property(v => v.ForceCode).HasMaxLength(Lengths.Code);
            revision.HasIndex(v => new { v.ResponseId, v.EffectiveOn, v.RecordedAt });

            // A force's statement folds every response's details: one range of this index holds all of them, where
            // the index above scatters them over the file by response id (migration ForceHistoryIndexes).
            revision.HasIndex(v => new { v.ForceCode, v.ResponseId, v.EffectiveOn, v.RecordedAt, v.OwnerName, v.OwnerRole, v.TargetDate })
                .HasDatabaseName("IX_ResponseRevisions_Force_Fold");
            revision.Property(v => v.OwnerName).HasMaxLength(Lengths.Name);
            revision.Property(v => v.OwnerRole).HasMaxLength(Lengths.Name);
            revision.Property(v => v.GovernanceBoard).HasMaxLength(Lengths.Name);
            revision.Property(v => v.Constraints).HasMaxLength(Lengths.LongText);
            revision.Property(v => v.ChangedBy).HasMaxLength(Lengths.Name);
        });

        modelBuilder.Entity<TargetDateChange>(change =>
        {
            change.HasQueryFilter(c => ForceScope == null || (ForceScopes.Contains(c.ForceCode) && !Hidden.Contains(c.Id)));
            change.Property(c => c.ForceCode).HasMaxLength(Lengths.Code);
            change.HasIndex(c => new { c.ResponseId, c.EffectiveOn, c.RecordedAt });

            // As the revisions' force index: a force's folds read one range.
            change.HasIndex(c => new { c.ForceCode, c.ResponseId, c.EffectiveOn, c.RecordedAt, c.NewTargetDate })
                .HasDatabaseName("IX_TargetDateChanges_Force_Fold");
            change.Property(c => c.Reason).HasMaxLength(Lengths.LongText);
            change.Property(c => c.ChangedBy).HasMaxLength(Lengths.Name);
        });

        modelBuilder.Entity<ProgressUpdate>(update =>
        {
            update.HasQueryFilter(u => ForceScope == null || (ForceScopes.Contains(u.ForceCode) && !Hidden.Contains(u.Id)));
            update.Property(u => u.ForceCode).HasMaxLength(Lengths.Code);
            // The as-of fold seeks the latest entry in effect on a date: newest date, then newest recorded. The
            // status and RAG ride along, so a summary as of a date reads no update row.
            update.HasIndex(u => new { u.ResponseId, u.EffectiveOn, u.RecordedAt, u.Status, u.Rag })
                .HasDatabaseName("IX_ProgressUpdates_ResponseId_EffectiveOn_RecordedAt_State");
            update.Property(u => u.Narrative).HasMaxLength(Lengths.LongText);
            update.Property(u => u.Author).HasMaxLength(Lengths.Name);
            update.Property(u => u.SignedOffBy).HasMaxLength(Lengths.Name);
            update.Property(u => u.RecordedBy).HasMaxLength(Lengths.Name);
            update.HasOne<Finding>().WithMany().HasForeignKey(u => u.SupersededByFindingId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<InspectorateAssessment>(assessment =>
        {
            assessment.HasQueryFilter(a => ForceScope == null || ForceScopes.Contains(a.ForceCode));
            assessment.HasOne<ForceResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Restrict);
            assessment.Property(a => a.ForceCode).HasMaxLength(Lengths.Code);
            // The latest assessment in effect on a date, as for progress updates: newest date, then newest recorded.
            assessment.HasIndex(a => new { a.ResponseId, a.AssessedOn, a.RecordedAt });
            assessment.Property(a => a.Comment).HasMaxLength(Lengths.LongText);
            assessment.Property(a => a.Source).HasMaxLength(Lengths.Url);
            assessment.Property(a => a.RecordedBy).HasMaxLength(Lengths.Name);
        });

        modelBuilder.Entity<ActionPlan>(plan =>
        {
            plan.HasQueryFilter(p => ForceScope == null || (ForceScopes.Contains(p.ForceCode) && !Hidden.Contains(p.Id)));
            plan.Property(p => p.ForceCode).HasMaxLength(Lengths.Code);
            plan.HasOne<Force>().WithMany().HasForeignKey(p => p.ForceCode).OnDelete(DeleteBehavior.Restrict);
            plan.HasOne<Inspection>().WithMany().HasForeignKey(p => p.InspectionId).OnDelete(DeleteBehavior.Restrict);
            plan.Property(p => p.Title).HasMaxLength(Lengths.Title);
            plan.Property(p => p.OwnerName).HasMaxLength(Lengths.Name);
            plan.Property(p => p.Description).HasMaxLength(Lengths.LongText);
        });

        modelBuilder.Entity<PlanAction>(action =>
        {
            action.HasQueryFilter(a => ForceScope == null || (ForceScopes.Contains(a.ForceCode) && !Hidden.Contains(a.Id)));
            action.HasOne<ActionPlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
            action.Property(a => a.ForceCode).HasMaxLength(Lengths.Code);
            action.HasIndex(a => new { a.ForceCode, a.Status });
            action.Property(a => a.Title).HasMaxLength(Lengths.Title);
            action.Property(a => a.OwnerName).HasMaxLength(Lengths.Name);
            action.Property(a => a.OwnerRole).HasMaxLength(Lengths.Name);
            action.HasMany(a => a.Findings).WithOne().HasForeignKey(f => f.ActionId).OnDelete(DeleteBehavior.Cascade);
            action.Navigation(a => a.Findings).AutoInclude();
        });

        modelBuilder.Entity<ActionFinding>(link =>
        {
            link.HasKey(l => new { l.ActionId, l.FindingId });
            link.HasOne<Finding>().WithMany().HasForeignKey(l => l.FindingId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Evidence>(evidence =>
        {
            evidence.HasQueryFilter(e => ForceScope == null || (ForceScopes.Contains(e.ForceCode) && !Hidden.Contains(e.Id)));
            evidence.Property(e => e.ForceCode).HasMaxLength(Lengths.Code);
            evidence.HasOne<ForceResponse>().WithMany().HasForeignKey(e => e.ResponseId).OnDelete(DeleteBehavior.Restrict);

            // Whether evidence counts for a response on a date, read from the index alone (summaries, statements).
            evidence.HasIndex(e => new { e.ResponseId, e.ReviewState, e.ExpiresOn, e.Date, e.RecordedAt })
                .HasDatabaseName("IX_Evidence_ResponseId_Counting");

            // And for a force's folds, one range of what counts (migration ForceHistoryIndexes).
            evidence.HasIndex(e => new { e.ForceCode, e.ResponseId, e.ReviewState, e.ExpiresOn, e.Date, e.RecordedAt })
                .HasDatabaseName("IX_Evidence_Force_Counting");
            evidence.HasOne<PlanAction>().WithMany().HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.Restrict);
            evidence.Property(e => e.Title).HasMaxLength(Lengths.Title);
            evidence.Property(e => e.Reference).HasMaxLength(Lengths.Name);
            evidence.Property(e => e.Url).HasMaxLength(Lengths.Url);
            evidence.Property(e => e.Description).HasMaxLength(Lengths.LongText);
            // Evidence recorded before reviews existed counts as it did: accepted (the EvidenceFiles migration).
            evidence.Property(e => e.ReviewState).HasDefaultValue(EvidenceReviewState.Accepted).ValueGeneratedNever();
            evidence.Property(e => e.ReviewedBy).HasMaxLength(Lengths.Name);
            evidence.Property(e => e.ReviewedByClient).HasMaxLength(Lengths.Name);
            evidence.Property(e => e.ReviewReason).HasMaxLength(Lengths.LongText);
        });

        modelBuilder.Entity<EvidenceFile>(file =>
        {
            file.HasQueryFilter(f => ForceScope == null || (f.ForceCode == ForceScope && !Hidden.Contains(f.Id)));
            file.HasOne<Evidence>().WithMany().HasForeignKey(f => f.EvidenceId).OnDelete(DeleteBehavior.Restrict);
            file.HasIndex(f => new { f.EvidenceId, f.Version }).IsUnique();
            // The integrity check takes the versions checked longest ago (never checked first).
            file.HasIndex(f => f.CheckedAt);
            file.Property(f => f.ForceCode).HasMaxLength(Lengths.Code);
            file.Property(f => f.FileName).HasMaxLength(Lengths.Name);
            file.Property(f => f.ContentType).HasMaxLength(Lengths.Name);
            file.Property(f => f.Sha256).HasMaxLength(64);
            file.Property(f => f.UploadedBy).HasMaxLength(Lengths.Name);
            file.Property(f => f.UploadedByClient).HasMaxLength(Lengths.Name);
        });

        modelBuilder.Entity<EvidenceFileChunk>(chunk =>
        {
            chunk.HasKey(c => new { c.FileId, c.Index });
            chunk.HasOne<EvidenceFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Grading>(grading =>
        {
            grading.HasQueryFilter(g => ForceScope == null || !Hidden.Contains(g.Id));
            grading.HasOne<Inspection>().WithMany().HasForeignKey(g => g.InspectionId).OnDelete(DeleteBehavior.Restrict);
            grading.Property(g => g.ForceCode).HasMaxLength(Lengths.Code);
            grading.HasOne<Force>().WithMany().HasForeignKey(g => g.ForceCode).OnDelete(DeleteBehavior.Restrict);
            grading.Property(g => g.Area).HasMaxLength(Lengths.Code);
            grading.HasIndex(g => new { g.InspectionId, g.ForceCode, g.Area }).IsUnique();
        });

        modelBuilder.Entity<ReportResponse>(response =>
        {
            response.HasQueryFilter(r => ForceScope == null || (r.ForceCode == ForceScope && !Hidden.Contains(r.Id)));
            response.HasOne<Inspection>().WithMany().HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Restrict);
            response.Property(r => r.ForceCode).HasMaxLength(Lengths.Code);
            response.HasOne<Force>().WithMany().HasForeignKey(r => r.ForceCode).OnDelete(DeleteBehavior.Restrict);
            response.HasIndex(r => new { r.InspectionId, r.ForceCode }).IsUnique();

            // The overdue and falling-due lists and the daily reminders seek unpublished responses by deadline.
            response.HasIndex(r => new { r.PublishedOn, r.PublicationDueOn });
            response.Property(r => r.BodyName).HasMaxLength(Lengths.Name);
            response.Property(r => r.PublishedAt).HasMaxLength(Lengths.Url);
            response.Ignore(r => r.Deadline);
            response.HasMany(r => r.Recommendations).WithOne().HasForeignKey(a => a.ReportResponseId).OnDelete(DeleteBehavior.Cascade);
            response.Navigation(r => r.Recommendations).AutoInclude();
        });

        modelBuilder.Entity<RecommendationResponse>(answer =>
        {
            // Reached through their report response, whose filter hides other forces' responses.
            answer.HasQueryFilter(a => ForceScope == null || !Hidden.Contains(a.FindingId));
            answer.HasOne(a => a.Finding).WithMany().HasForeignKey(a => a.FindingId).OnDelete(DeleteBehavior.Restrict);
            answer.HasIndex(a => new { a.ReportResponseId, a.FindingId }).IsUnique();
            answer.Property(a => a.Explanation).HasMaxLength(Lengths.LongText);
        });

        modelBuilder.Entity<ApiKey>(key =>
        {
            key.Property(k => k.ClientName).HasMaxLength(Lengths.Name);
            key.Property(k => k.ForceCode).HasMaxLength(Lengths.Code);
            key.HasOne<Force>().WithMany().HasForeignKey(k => k.ForceCode).OnDelete(DeleteBehavior.Restrict);
            key.Property(k => k.SecretHash).HasMaxLength(64).HasAnnotation(AuditTrail.OmitAnnotation, true);
            key.HasIndex(k => k.SecretHash).IsUnique();
            key.Property(k => k.Hint).HasMaxLength(16);
        });

        modelBuilder.Entity<Committee>(committee =>
        {
            committee.HasQueryFilter(c => ForceScope == null || ForceScopes.Contains(c.ForceCode));
            committee.Property(c => c.ForceCode).HasMaxLength(Lengths.Code);
            committee.HasOne<Force>().WithMany().HasForeignKey(c => c.ForceCode).OnDelete(DeleteBehavior.Restrict);
            committee.Property(c => c.Name).HasMaxLength(Lengths.Name);
            committee.HasIndex(c => new { c.ForceCode, c.Name }).IsUnique();
        });

        modelBuilder.Entity<CommitteeReport>(report =>
        {
            report.HasQueryFilter(r => ForceScope == null || ForceScopes.Contains(r.ForceCode));
            report.HasOne<Committee>().WithMany().HasForeignKey(r => r.CommitteeId).OnDelete(DeleteBehavior.Restrict);
            report.Property(r => r.ForceCode).HasMaxLength(Lengths.Code);
            report.Property(r => r.Reference).HasMaxLength(Lengths.Reference);
            report.Property(r => r.Title).HasMaxLength(Lengths.Title);
            report.HasIndex(r => new { r.CommitteeId, r.Reference }).IsUnique();
        });

        modelBuilder.Entity<IssuedStatement>(statement =>
        {
            statement.HasQueryFilter(s => ForceScope == null || ForceScopes.Contains(s.ForceCode));
            statement.HasOne<Committee>().WithMany().HasForeignKey(s => s.CommitteeId).OnDelete(DeleteBehavior.Restrict);
            statement.HasOne<CommitteeReport>().WithOne().HasForeignKey<IssuedStatement>(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
            statement.HasOne<IssuedStatement>().WithMany().HasForeignKey(s => s.PreviousStatementId).OnDelete(DeleteBehavior.Restrict);
            statement.HasIndex(s => new { s.CommitteeId, s.AsOf });
            statement.Property(s => s.ForceCode).HasMaxLength(Lengths.Code);
            statement.Property(s => s.IssuedBy).HasMaxLength(Lengths.Name);
            statement.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.StatementId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StatementLine>(line =>
        {
            // Lines are reached through their statement, whose filter hides other forces' statements. An issued
            // statement is frozen, but who may read a restricted report is not: a force taken off its circulation
            // after issue no longer reads the lines about its findings, as it no longer reads the findings. Its
            // counts (by status, changes, the summary's RAG split) are worked out from the lines on reading, so
            // they are those of the lines it reads: a statement that said lines were withheld would tell the
            // force that a report it is not to know of exists, which is what the 404s elsewhere keep from it.
            line.HasQueryFilter(l => ForceScope == null || !Hidden.Contains(l.InspectionId));
            line.HasIndex(l => new { l.StatementId, l.Position });
            line.Property(l => l.ForceCode).HasMaxLength(Lengths.Code);
            line.Property(l => l.FindingReference).HasMaxLength(Lengths.Reference);
            line.Property(l => l.FindingText).HasMaxLength(Lengths.LongText);
            line.Property(l => l.DeadlineText).HasMaxLength(Lengths.Name);
            line.Property(l => l.InspectionReference).HasMaxLength(Lengths.Reference);
            line.Property(l => l.InspectionTitle).HasMaxLength(Lengths.Title);
            line.Property(l => l.OwnerName).HasMaxLength(Lengths.Name);
            line.Property(l => l.OwnerRole).HasMaxLength(Lengths.Name);
            line.Property(l => l.PositionStatement).HasMaxLength(Lengths.LongText);
            line.Ignore(l => l.IsReportedGreen);
            line.Ignore(l => l.DisagreesWithInspectorate);
        });

        modelBuilder.Entity<AuditEvent>(audit =>
        {
            audit.HasKey(a => a.Sequence);
            audit.Property(a => a.Sequence).ValueGeneratedOnAdd();
            audit.Property(a => a.Kind).HasMaxLength(Lengths.Name);
            audit.Property(a => a.RecordType).HasMaxLength(Lengths.Code);
            audit.Property(a => a.RecordId).HasMaxLength(Lengths.Name);
            audit.Property(a => a.ForceCode).HasMaxLength(Lengths.Code);
            audit.Property(a => a.Operation).HasMaxLength(Lengths.Name);
            audit.Property(a => a.ClientName).HasMaxLength(Lengths.Name);
            audit.Property(a => a.ClientId).HasMaxLength(Lengths.Name);

            // Filled by the database, in the writing transaction itself; the change feed reads it (ChangeFeed).
            // Rows written before the column existed take the id of the migration's transaction, long finished.
            var transactionId = audit.Property(a => a.TransactionId).ValueGeneratedOnAdd();
            if (Database.IsNpgsql())
            {
                transactionId.HasDefaultValueSql(ChangeFeed.CurrentTransactionIdSql);
            }
            else
            {
                transactionId.HasDefaultValue(0L);
            }

            audit.Property(a => a.Changes)
                .HasField("_changes")
                .UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(
                    new ValueConverter<IReadOnlyList<FieldChange>, string>(
                        changes => JsonSerializer.Serialize(changes, AuditJson),
                        stored => JsonSerializer.Deserialize<List<FieldChange>>(stored, AuditJson) ?? new List<FieldChange>()),
                    new ValueComparer<IReadOnlyList<FieldChange>>(
                        (left, right) => left!.SequenceEqual(right!),
                        changes => changes.Count,
                        changes => changes.ToList()));

            // The trail is read by record, by force and by client, newest first, a page at a time.
            audit.HasIndex(a => new { a.RecordType, a.RecordId, a.Sequence });
            audit.HasIndex(a => new { a.ForceCode, a.Sequence });
            audit.HasIndex(a => new { a.ClientId, a.Sequence });
            audit.HasIndex(a => a.OccurredAt);
        });

        modelBuilder.Entity<WebhookSubscription>(subscription =>
        {
            subscription.Property(s => s.Url).HasMaxLength(Lengths.Url);
            subscription.Property(s => s.Kinds).HasMaxLength(WebhookSubscription.MostKinds * (Lengths.Code + 1));
            subscription.Property(s => s.ForceCode).HasMaxLength(Lengths.Code);
            subscription.HasOne<Force>().WithMany().HasForeignKey(s => s.ForceCode).OnDelete(DeleteBehavior.Restrict);
            subscription.Property(s => s.Description).HasMaxLength(Lengths.Name);
            subscription.Property(s => s.ProtectedSecret).HasMaxLength(WebhookSubscription.ProtectedSecretLength).HasAnnotation(AuditTrail.OmitAnnotation, true);
            subscription.Property(s => s.DisabledReason).HasMaxLength(Lengths.Title);
            subscription.Ignore(s => s.KindList);
            subscription.HasIndex(s => s.ForceCode);
        });

        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            delivery.Property(d => d.Kind).HasMaxLength(Lengths.Name);
            delivery.Ignore(d => d.WebhookId);

            // One delivery of an event to a subscription, whichever instance fans it out (pings have no event).
            delivery.HasIndex(d => new { d.SubscriptionId, d.EventSequence }).IsUnique();

            // Instances look for due, unleased deliveries in this order.
            delivery.HasIndex(d => new { d.State, d.NextAttemptAt });
        });

        modelBuilder.Entity<WebhookAttempt>(attempt =>
        {
            attempt.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
            attempt.Property(a => a.Error).HasMaxLength(WebhookAttempt.ErrorLength);
            attempt.Property(a => a.Outcome).HasMaxLength(Lengths.EnumName);
            attempt.HasIndex(a => new { a.SubscriptionId, a.Id });
        });

        modelBuilder.Entity<ReminderRun>(run =>
        {
            run.HasKey(r => r.Day);
            run.Property(r => r.Day).ValueGeneratedNever();
        });

        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.HasKey(r => new { r.ClientId, r.Key });
            record.Property(r => r.ClientId).HasMaxLength(Lengths.Name);
            record.Property(r => r.Key).HasMaxLength(Data.IdempotencyRecords.MostKeyLength);
            record.Property(r => r.Fingerprint).HasMaxLength(64);
            record.Property(r => r.Request).HasMaxLength(Lengths.Url);
            record.Property(r => r.ContentType).HasMaxLength(Lengths.Name);
            record.Property(r => r.Location).HasMaxLength(Lengths.Url);
            record.Property(r => r.ETag).HasMaxLength(Lengths.Name);
            record.HasIndex(r => r.ExpiresAt);
        });

        foreach (var loaded in new[] { typeof(Inspection), typeof(Finding), typeof(ForceResponse), typeof(ProgressUpdate), typeof(ResponseRevision), typeof(TargetDateChange), typeof(Grading), typeof(ActionPlan), typeof(PlanAction), typeof(InspectorateAssessment) })
        {
            modelBuilder.Entity(loaded).Property<Guid?>(LoadIdColumn);
        }

        modelBuilder.Entity<DataVersion>(version =>
        {
            version.Property(v => v.Id).ValueGeneratedNever();
            version.HasData(new DataVersion());
        });

        modelBuilder.Entity<ForceDataVersion>(version =>
        {
            // No link to the force: a stamp row locks nothing but itself.
            version.HasKey(v => v.ForceCode);
            version.Property(v => v.ForceCode).HasMaxLength(Lengths.Code);
        });

        KeysAreAssignedByTheDomain(modelBuilder);
    }

    /// <summary>
    /// The domain assigns every Guid key (version 7, in code). Left to convention, EF would treat a key
    /// as generated on insert and take a new child entity that already has its id for an existing row.
    /// </summary>
    private static void KeysAreAssignedByTheDomain(ModelBuilder modelBuilder)
    {
        foreach (var key in modelBuilder.Model.GetEntityTypes().Select(e => e.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid)))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));
}
