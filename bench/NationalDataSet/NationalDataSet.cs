using System.Diagnostics;
using System.Globalization;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Bench;

/// <summary>How large a national data set to generate, and from which seed; bound from <c>NationalDataSet:*</c>.</summary>
public sealed class NationalDataSetSettings
{
    public const string Section = "NationalDataSet";

    /// <summary>The same seed (and sizes) always generate the same rows.</summary>
    public int Seed { get; set; } = 20151021;

    /// <summary>Territorial forces that respond, taken in order of their codes; England and Wales have 43.</summary>
    public int Forces { get; set; } = 43;

    public int Inspections { get; set; } = 300;

    public int Findings { get; set; } = 3000;

    public int UpdatesPerResponse { get; set; } = 10;
}

/// <summary>What a generation wrote, and how long it took.</summary>
public sealed record NationalDataSetSummary(IReadOnlyDictionary<string, long> RowsPerTable, TimeSpan Elapsed)
{
    public override string ToString() =>
        string.Join(", ", RowsPerTable.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value:N0}"))
        + $"; {RowsPerTable.Values.Sum():N0} rows in {Elapsed.TotalSeconds:0.0} s";
}

/// <summary>
/// A deterministic national data set for measuring the service at scale: the territorial forces,
/// national thematic reports that every force answers and force reports that one force answers, their
/// findings with deadlines in words, every concerned force's response with its progress history, action
/// plans, actions, evidence and gradings. Every record is made by the domain's own constructors and rules
/// (deadline words are resolved by <see cref="Deadline"/>, a closed response is one that was implemented
/// and signed off, a reopened one goes back in progress), so a response's current state is its latest
/// update, as the service keeps it. The same settings always write the same rows.
/// </summary>
public static class NationalDataSet
{
    /// <summary>
    /// The day the data set is "as at": nothing in it happens later. Due dates spread from 2014 to past it,
    /// so that on this day (and any later one) a good share of open responses is overdue.
    /// </summary>
    public static readonly DateOnly AsAt = new(2026, 11, 1);

    private static readonly DateOnly FirstPublication = new(2014, 1, 6);

    /// <summary>HMIC became HMICFRS on this day.</summary>
    private static readonly DateOnly FireAndRescueJoined = new(2017, 7, 19);

    /// <summary>
    /// Of the findings, the share in national reports: 43 forces × 77% × 3,000 plus the rest once each makes
    /// about 100,000 responses, as the national picture has.
    /// </summary>
    private const double NationalFindingShare = 0.77;

    private const double NationalInspectionShare = 0.26;

    /// <summary>Generates the data set in one transaction; null, with nothing written, when the database already holds inspections or plans.</summary>
    public static async Task<NationalDataSetSummary?> GenerateIntoEmptyDatabaseAsync(
        ComplianceDbContext db, NationalDataSetSettings settings, CancellationToken cancellationToken)
    {
        if (await db.Inspections.AnyAsync(cancellationToken) || await db.ActionPlans.AnyAsync(cancellationToken))
        {
            return null;
        }

        var forces = await db.Forces.AsNoTracking()
            .Where(f => f.Kind == ForceKind.Territorial)
            .OrderBy(f => f.Code)
            .Select(f => new ForceName(f.Code, f.Name))
            .Take(settings.Forces)
            .ToListAsync(cancellationToken);

        var stopwatch = Stopwatch.StartNew();
        var isSqlite = db.Database.IsSqlite();
        if (isSqlite)
        {
            // A larger page cache for this one connection: the indexes being filled stay in memory.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", cancellationToken);
        }

        IReadOnlyDictionary<string, long> rows;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            using var writer = new BulkRowWriter(db, new Random(settings.Seed ^ 0x5EED), new DateTimeOffset(FirstPublication.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            new Generator(settings, forces, writer, new Random(settings.Seed)).Generate();
            rows = writer.RowsPerTable;

            // The rows went around SaveChanges, which would have changed the data version itself.
            await db.MarkChangedAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (isSqlite)
        {
            // Everything into the database file itself, so the file alone is the data set (it can be copied).
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        return new NationalDataSetSummary(rows, stopwatch.Elapsed);
    }

    private sealed record ForceName(string Code, string Name);

    private enum Outcome { NotStarted, InProgress, Reopened, Implemented, Closed, NotApplicable, Superseded }

    private sealed class Generator(NationalDataSetSettings settings, IReadOnlyList<ForceName> forces, BulkRowWriter writer, Random random)
    {
        private int _inspectionNumber;

        public void Generate()
        {
            foreach (var (publishedOn, isNational, findings) in PlanInspections())
            {
                GenerateInspection(publishedOn, isNational, findings);
            }
        }

        /// <summary>Publication dates spread over the years before <see cref="AsAt"/>, national and force reports mixed.</summary>
        private IEnumerable<(DateOnly PublishedOn, bool IsNational, int Findings)> PlanInspections()
        {
            var total = settings.Inspections;
            var national = total == 1 ? 1 : Math.Clamp((int)Math.Round(total * NationalInspectionShare), 1, total - 1);
            var nationalFindings = national == total ? settings.Findings : (int)Math.Round(settings.Findings * NationalFindingShare);
            var sizes = Split(nationalFindings, national).Concat(Split(settings.Findings - nationalFindings, total - national)).ToArray();
            var isNational = Enumerable.Range(0, total).Select(i => i < national).ToArray();
            var order = Enumerable.Range(0, total).ToArray();
            random.Shuffle(order);

            var span = AsAt.AddDays(-45).DayNumber - FirstPublication.DayNumber;
            var dates = Enumerable.Range(0, total).Select(_ => FirstPublication.AddDays(random.Next(span))).Order().ToArray();
            for (var i = 0; i < total; i++)
            {
                yield return (dates[i], isNational[order[i]], sizes[order[i]]);
            }
        }

        /// <summary>Splits findings over reports unevenly (some reports have twice as many as others), each at least one.</summary>
        private int[] Split(int findings, int reports)
        {
            if (reports == 0)
            {
                return [];
            }

            var weights = Enumerable.Range(0, reports).Select(_ => 0.5 + random.NextDouble()).ToArray();
            var spare = Math.Max(0, findings - reports);
            var sizes = weights.Select(w => 1 + (int)(spare * w / weights.Sum())).ToArray();
            for (var i = 0; sizes.Sum() < Math.Max(findings, reports); i = (i + 1) % reports)
            {
                sizes[i]++;
            }

            return sizes;
        }

        private void GenerateInspection(DateOnly publishedOn, bool isNational, int findingCount)
        {
            var number = ++_inspectionNumber;
            var theme = random.Pick(Themes);
            var force = isNational ? null : random.Pick(forces);
            var type = isNational ? InspectionType.NationalThematic
                : random.Weighted((InspectionType.Peel, 40), (InspectionType.CrimeDataIntegrity, 25), (InspectionType.Force, 25), (InspectionType.Joint, 10));
            var title = type switch
            {
                InspectionType.NationalThematic => theme.Title,
                InspectionType.Peel => $"PEEL: police effectiveness, efficiency and legitimacy {publishedOn.Year} – {force!.Name}",
                InspectionType.CrimeDataIntegrity => $"Crime data integrity inspection {publishedOn.Year}: {force!.Name}",
                InspectionType.Joint => $"Joint inspection of {theme.Subject}: {force!.Name}",
                _ => $"An inspection of {theme.Subject} in {force!.Name}",
            };
            var fieldworkStart = publishedOn.AddDays(-random.Next(120, 240));
            var recorded = At(publishedOn.AddDays(random.Next(0, 8)), random.Next(8 * 60, 18 * 60));
            var inspection = new Inspection(Guid.NewGuid(), $"{Slug(type)}-{publishedOn.Year}-{number:D3}", new InspectionDetails(
                publishedOn < FireAndRescueJoined ? Inspectorate.Hmic : Inspectorate.Hmicfrs,
                title, type, publishedOn, fieldworkStart, fieldworkStart.AddDays(random.Next(14, 60)), PublicationStatus.Published,
                $"https://www.justiceinspectorates.gov.uk/hmicfrs/publications/{Slug(type)}-{publishedOn.Year}-{number:D3}/",
                isNational, isNational ? [] : [force!.Code]), recorded);
            writer.Write(inspection);

            var findings = GenerateFindings(inspection, theme, force, findingCount, recorded);
            if (type is InspectionType.Peel or InspectionType.CrimeDataIntegrity)
            {
                GenerateGradings(inspection, type, force!, recorded);
            }

            IReadOnlyList<ForceName> responding = isNational ? forces : [force!];
            foreach (var respondingForce in responding)
            {
                GenerateForceWork(inspection, findings, respondingForce, theme);
            }
        }

        private List<Finding> GenerateFindings(Inspection inspection, Theme theme, ForceName? force, int count, DateTimeOffset recorded)
        {
            var kinds = Enumerable.Range(0, count)
                .Select(_ => force is null
                    ? random.Weighted((FindingKind.Recommendation, 75), (FindingKind.AreaForImprovement, 15), (FindingKind.CauseOfConcern, 7), (FindingKind.PointOfNote, 3))
                    : random.Weighted((FindingKind.AreaForImprovement, 50), (FindingKind.Recommendation, 35), (FindingKind.CauseOfConcern, 15)))
                .OrderBy(k => k == FindingKind.CauseOfConcern ? 0 : 1 + (int)k)
                .ToList();
            var numbers = new Dictionary<FindingKind, int>();
            var findings = new List<Finding>(count);
            foreach (var kind in kinds)
            {
                numbers[kind] = numbers.GetValueOrDefault(kind) + 1;
                var area = random.Chance(0.8) ? theme.Area : random.Pick(Enum.GetValues<BusinessArea>());
                var causeOfConcern = kind == FindingKind.Recommendation && random.Chance(0.5)
                    ? findings.LastOrDefault(f => f.Kind == FindingKind.CauseOfConcern)
                    : null;
                var finding = new Finding(Guid.NewGuid(), inspection, $"{KindName(kind)} {numbers[kind]}",
                    new FindingDetails(kind, FindingText(kind, area, force), area, DeadlineWords(kind, inspection.PublishedOn!.Value), null, Addressees(force, area)),
                    recorded, causeOfConcern);
                writer.Write(finding);
                findings.Add(finding);
            }

            return findings;
        }

        private Addressee[] Addressees(ForceName? force, BusinessArea area)
        {
            if (force is not null)
            {
                return [random.Chance(0.7) ? new Addressee(AddresseeKind.Force, force.Code, null) : new Addressee(AddresseeKind.ChiefConstables, null, null)];
            }

            Addressee chiefConstables = new(AddresseeKind.ChiefConstables, null, null);
            return random.Next(10) switch
            {
                0 => [chiefConstables, new Addressee(AddresseeKind.CollegeOfPolicing, null, null)],
                1 => [chiefConstables, new Addressee(AddresseeKind.NpccLead, null, $"NPCC lead for {AreaWords(area)}")],
                2 => [chiefConstables, new Addressee(AddresseeKind.HomeOffice, null, null)],
                _ => [chiefConstables],
            };
        }

        /// <summary>Deadline words in the forms reports use, resolved by the domain against the publication date.</summary>
        private string? DeadlineWords(FindingKind kind, DateOnly published)
        {
            if (kind is FindingKind.PointOfNote or FindingKind.CauseOfConcern || (kind == FindingKind.AreaForImprovement && random.Chance(0.6)))
            {
                return random.Chance(0.7) ? null : random.Pick(["Not specified", "Ongoing", "N/A"]);
            }

            var target = published.AddMonths(random.Next(2, 30));
            var endOfMonth = new DateOnly(target.Year, target.Month, DateTime.DaysInMonth(target.Year, target.Month));
            var financialYear = target.Month > 3 ? target.Year : target.Year - 1;
            return random.Next(100) switch
            {
                < 8 => "Immediately",
                < 10 => "With immediate effect",
                < 20 => $"Within {random.Pick(["three", "six", "twelve", "3", "6", "9"])} months",
                < 27 => $"within {random.Pick(["six", "3", "twelve"])} months of publication of this report",
                < 32 => $"Within {random.Pick(["28 days", "12 weeks", "a year", "eighteen months"])}",
                < 50 => $"By {target.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
                < 57 => $"by the end of {target.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
                < 70 => $"By {endOfMonth.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
                < 76 => $"Not later than {endOfMonth.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
                < 84 => $"By the end of {target.Year}",
                < 89 => $"By the end of the financial year {financialYear}/{(financialYear + 1) % 100:D2}",
                < 93 => $"By {endOfMonth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}",
                _ => null,
            };
        }

        private string FindingText(FindingKind kind, BusinessArea area, ForceName? force)
        {
            var who = force is null ? "chief constables should" : $"{force.Name} should";
            var action = random.Pick(FindingActions);
            return kind switch
            {
                FindingKind.CauseOfConcern => $"Cause of concern: {(force?.Name ?? "Forces")} {random.Pick(Concerns)} {AreaWords(area)}. This places people at risk.",
                FindingKind.PointOfNote => $"Point of note: forces have {random.Pick(Notes)} {AreaWords(area)}.",
                FindingKind.AreaForImprovement => $"The force should improve how it {action} for {AreaWords(area)}.",
                _ => $"{char.ToUpperInvariant(who[0])}{who[1..]} {action} for {AreaWords(area)}, and make sure that {random.Pick(Assurances)}.",
            };
        }

        private void GenerateGradings(Inspection inspection, InspectionType type, ForceName force, DateTimeOffset recorded)
        {
            var areas = type == InspectionType.Peel ? new[] { "Effectiveness", "Efficiency", "Legitimacy", Grading.WholeReport } : [Grading.WholeReport];
            foreach (var area in areas)
            {
                var grade = random.Weighted((Grade.Outstanding, 5), (Grade.Good, 45), (Grade.RequiresImprovement, 35), (Grade.Inadequate, 15));
                writer.Write(new Grading(Guid.NewGuid(), inspection, force.Code, area, grade, inspection.PublishedOn!.Value, recorded));
            }
        }

        /// <summary>One force's responses to a report's findings, their histories, evidence, and its action plan.</summary>
        private void GenerateForceWork(Inspection inspection, List<Finding> findings, ForceName force, Theme theme)
        {
            var published = inspection.PublishedOn!.Value;
            var owner = Person();
            var board = random.Pick(Boards);
            var responses = new List<ForceResponse>(findings.Count);
            foreach (var finding in findings)
            {
                var response = GenerateResponse(finding, findings, force, published, random.Chance(0.7) ? owner : Person(), board);
                writer.Write(response);
                if (random.Chance(0.3))
                {
                    var on = response.StatusEffectiveOn ?? published;
                    writer.Write(Evidence.ForResponse(Guid.NewGuid(), response, EvidenceAbout(theme, force, on), At(on, 17 * 60)));
                }

                responses.Add(response);
            }

            if (random.Chance(inspection.AllForcesInScope ? 0.6 : 0.85))
            {
                GeneratePlan(inspection, responses, force, owner.Name, theme);
            }
        }

        private ForceResponse GenerateResponse(Finding finding, List<Finding> findings, ForceName force, DateOnly published, (string Name, string Role) owner, string board)
        {
            var createdOn = Min(published.AddDays(random.Next(7, 60)), AsAt);
            var due = finding.DueDate;
            var details = new ResponseDetails(owner.Name, owner.Role, board,
                random.Chance(0.25) ? random.Pick(Constraints) : null,
                random.Chance(0.6) ? Max(due ?? createdOn.AddMonths(6), createdOn).AddDays(random.Next(0, 120)) : null,
                null);
            var response = new ForceResponse(Guid.NewGuid(), finding, force.Code, details, null, owner.Name, At(createdOn, random.Next(8 * 60, 17 * 60)));

            var outcome = ChooseOutcome(published, findings.Count > 1);
            var updates = settings.UpdatesPerResponse;
            var finishes = outcome is Outcome.Implemented or Outcome.Closed or Outcome.NotApplicable or Outcome.Superseded;
            var lastOn = finishes
                ? Min(Max((due ?? createdOn.AddMonths(9)).AddDays(random.Next(-90, 400)), createdOn.AddDays(updates * 7)), AsAt)
                : AsAt;
            var dates = Enumerable.Range(0, updates).Select(_ => createdOn.AddDays(random.Next(lastOn.DayNumber - createdOn.DayNumber + 1))).Order().ToArray();
            var steps = Steps(outcome, updates);
            for (var i = 0; i < steps.Length; i++)
            {
                var on = dates[i];
                var now = At(on, 17 * 60 + Math.Min(i, 400));
                var author = random.Chance(0.8) ? owner.Name : owner.Role;
                if (steps[i] == Step.Reopen)
                {
                    response.Reopen(random.Pick(ReopenReasons), author, "NationalDataSet", now);
                    continue;
                }

                var status = StatusOf(steps[i]);
                response.RecordProgress(new ProgressEntry(on, status, RagFor(status, due, on), Narrative(status, i, board), author,
                    status == ResponseStatus.Closed ? random.Pick(SignOffs) : null,
                    status == ResponseStatus.Superseded ? findings.First(f => f.Id != finding.Id).Id : null), now);
            }

            return response;
        }

        /// <summary>Older reports are more often finished with; a good share of the rest is past its due date.</summary>
        private Outcome ChooseOutcome(DateOnly published, bool canBeSuperseded)
        {
            var years = (AsAt.DayNumber - published.DayNumber) / 365.25;
            if (!random.Chance(Math.Clamp(0.1 + 0.08 * years, 0, 0.8)))
            {
                return random.Weighted((Outcome.InProgress, 75), (Outcome.NotStarted, 15), (Outcome.Reopened, 10));
            }

            var outcome = random.Weighted((Outcome.Closed, 50), (Outcome.Implemented, 35), (Outcome.NotApplicable, 10), (Outcome.Superseded, 5));
            return outcome == Outcome.Superseded && !canBeSuperseded ? Outcome.Implemented : outcome;
        }

        private enum Step { NotStarted, InProgress, Implemented, Closed, Reopen, NotApplicable, Superseded }

        /// <summary>The statuses a response passes through, in an order the domain accepts, ending in the outcome.</summary>
        private static Step[] Steps(Outcome outcome, int count)
        {
            Step[] ending = outcome switch
            {
                Outcome.NotStarted => [],
                Outcome.InProgress => [],
                Outcome.Reopened when count >= 6 => [Step.Implemented, Step.Closed, Step.Reopen, Step.InProgress],
                Outcome.Reopened => [],
                Outcome.Implemented => [Step.Implemented],
                Outcome.Closed when count >= 3 => [Step.Implemented, Step.Closed],
                Outcome.Closed => [Step.Implemented],
                Outcome.NotApplicable => [Step.NotApplicable],
                _ => [Step.Superseded],
            };
            var filler = outcome == Outcome.NotStarted ? Step.NotStarted : Step.InProgress;
            var steps = new Step[count];
            for (var i = 0; i < count; i++)
            {
                steps[i] = i >= count - ending.Length ? ending[i - (count - ending.Length)] : i == 0 ? Step.NotStarted : filler;
            }

            return steps;
        }

        private static ResponseStatus StatusOf(Step step) => step switch
        {
            Step.NotStarted => ResponseStatus.NotStarted,
            Step.InProgress => ResponseStatus.InProgress,
            Step.Implemented => ResponseStatus.Implemented,
            Step.Closed => ResponseStatus.Closed,
            Step.NotApplicable => ResponseStatus.NotApplicable,
            Step.Superseded => ResponseStatus.Superseded,
            _ => throw new UnreachableException(),
        };

        private Rag? RagFor(ResponseStatus status, DateOnly? due, DateOnly on) => status switch
        {
            ResponseStatus.NotStarted => due < on || random.Chance(0.5) ? Rag.Red : Rag.Amber,
            ResponseStatus.InProgress when due < on => random.Chance(0.6) ? Rag.Red : Rag.Amber,
            ResponseStatus.InProgress => random.Chance(0.15) ? Rag.Green : Rag.Amber,
            ResponseStatus.Implemented or ResponseStatus.Closed => Rag.Green,
            _ => null,
        };

        private string Narrative(ResponseStatus status, int index, string board) => status switch
        {
            ResponseStatus.NotStarted => $"{random.Pick(NotStartedWords)} Reported to the {board}.",
            ResponseStatus.InProgress => $"{random.Pick(InProgressWords)} {random.Pick(NextSteps)} Update {index + 1} to the {board}.",
            ResponseStatus.Implemented => $"{random.Pick(ImplementedWords)} Evidence has been collated for the {board}.",
            ResponseStatus.Closed => $"Signed off as complete by the {board}. {random.Pick(ImplementedWords)}",
            ResponseStatus.NotApplicable => "The recommendation does not apply to this force: the function it concerns is delivered regionally under a collaboration agreement.",
            _ => "Superseded by a later recommendation of the same report, which the force is tracking instead.",
        };

        private void GeneratePlan(Inspection inspection, List<ForceResponse> responses, ForceName force, string owner, Theme theme)
        {
            var planned = At(Min(inspection.PublishedOn!.Value.AddDays(random.Next(20, 90)), AsAt), 10 * 60);
            var plan = new ActionPlan(Guid.NewGuid(), force.Code, new ActionPlanDetails($"{inspection.Title}: action plan", inspection.Id, owner,
                $"The {force.Name} response to {inspection.Title}, reviewed monthly."), planned);
            writer.Write(plan);

            var actionable = responses.Where(r => r.Finding.Kind != FindingKind.PointOfNote).ToList();
            for (var i = 0; i < actionable.Count;)
            {
                var served = actionable.Skip(i).Take(random.Next(1, 4)).ToList();
                i += served.Count;
                var (status, completedOn) = ActionState(served);
                var changed = Max(completedOn ?? DateOnly.FromDateTime(planned.UtcDateTime), DateOnly.FromDateTime(planned.UtcDateTime));
                var action = new PlanAction(Guid.NewGuid(), plan,
                    new PlanActionDetails($"{random.Pick(ActionVerbs)} {theme.Subject}", random.Chance(0.5) ? owner : Person().Name, random.Pick(Roles),
                        served.Select(r => r.Finding.DueDate).Max(), status, completedOn),
                    served.Select(r => r.Finding).ToList(), At(changed, 16 * 60));
                writer.Write(action);
                if (random.Chance(0.2))
                {
                    writer.Write(Evidence.ForAction(Guid.NewGuid(), action, EvidenceAbout(theme, force, changed), At(changed, 17 * 60)));
                }
            }
        }

        private (ActionStatus Status, DateOnly? CompletedOn) ActionState(List<ForceResponse> served)
        {
            if (random.Chance(0.05))
            {
                return (ActionStatus.Cancelled, null);
            }

            if (served.All(r => r.Status is ResponseStatus.Implemented or ResponseStatus.Closed or ResponseStatus.NotApplicable or ResponseStatus.Superseded))
            {
                return (ActionStatus.Completed, served.Max(r => r.StatusEffectiveOn));
            }

            return served.Any(r => r.Status != ResponseStatus.NotStarted) ? (ActionStatus.InProgress, null) : (ActionStatus.NotStarted, null);
        }

        private EvidenceDetails EvidenceAbout(Theme theme, ForceName force, DateOnly on)
        {
            var kind = random.Weighted((EvidenceKind.Minutes, 35), (EvidenceKind.Document, 30), (EvidenceKind.Policy, 15), (EvidenceKind.AuditReport, 10), (EvidenceKind.Link, 10));
            var reference = $"{force.Code.ToUpperInvariant()[..3]}/{on.Year}/{random.Next(1, 999):D3}";
            return kind switch
            {
                EvidenceKind.Minutes => new(random.Pick(Boards) + " minutes", kind, $"Minute {random.Next(1, 40)}, {on.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", null, on, $"Agreed the approach to {theme.Subject}."),
                EvidenceKind.Policy => new($"{theme.Subject} policy", kind, reference, null, on, "Revised policy, published on the force intranet."),
                EvidenceKind.AuditReport => new($"Audit of {theme.Subject}", kind, reference, null, on, "Internal audit of compliance with the revised procedure."),
                EvidenceKind.Link => new($"{theme.Subject} guidance", kind, null, "https://www.college.police.uk/app", on, null),
                _ => new($"{theme.Subject}: briefing paper", kind, reference, null, on, null),
            };
        }

        private (string Name, string Role) Person() => ($"{random.Pick(FirstNames)} {random.Pick(LastNames)}", random.Pick(Roles));

        private static DateTimeOffset At(DateOnly day, int minuteOfDay) =>
            new(day.ToDateTime(new TimeOnly(minuteOfDay / 60, minuteOfDay % 60)), TimeSpan.Zero);

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private static string Slug(InspectionType type) => type switch
        {
            InspectionType.NationalThematic => "national-thematic",
            InspectionType.Peel => "peel",
            InspectionType.CrimeDataIntegrity => "crime-data-integrity",
            InspectionType.Joint => "joint-inspection",
            _ => "force-inspection",
        };

        private static string KindName(FindingKind kind) => kind switch
        {
            FindingKind.Recommendation => "Recommendation",
            FindingKind.AreaForImprovement => "Area for improvement",
            FindingKind.CauseOfConcern => "Cause of concern",
            _ => "Point of note",
        };

        private static string AreaWords(BusinessArea area) => area switch
        {
            BusinessArea.Crime => "crime investigation",
            BusinessArea.Intelligence => "intelligence management",
            BusinessArea.DomesticAbuse => "domestic abuse",
            BusinessArea.ChildProtection => "child protection",
            BusinessArea.Custody => "custody",
            BusinessArea.Firearms => "firearms licensing",
            BusinessArea.InformationManagement => "information management",
            BusinessArea.CrimeDataIntegrity => "crime recording",
            BusinessArea.DigitalCrime => "digital crime",
            BusinessArea.PublicProtection => "public protection",
            BusinessArea.Leadership => "leadership and culture",
            _ => "neighbourhood policing",
        };
    }

    private sealed record Theme(BusinessArea Area, string Title, string Subject);

    private static readonly Theme[] Themes =
    [
        new(BusinessArea.InformationManagement, "Building the picture: an inspection of police information management", "information management"),
        new(BusinessArea.ChildProtection, "In harm's way: the role of the police in keeping children safe", "child protection"),
        new(BusinessArea.DigitalCrime, "Real lives, real crime: a study of digital crime and policing", "digital crime"),
        new(BusinessArea.Firearms, "Targeting the risk: firearms licensing in police forces in England and Wales", "firearms licensing"),
        new(BusinessArea.DomesticAbuse, "Everyone's business: improving the police response to domestic abuse", "domestic abuse"),
        new(BusinessArea.Custody, "The welfare of vulnerable people in police custody", "custody"),
        new(BusinessArea.CrimeDataIntegrity, "Crime-recording: making the victim count", "crime recording"),
        new(BusinessArea.PublicProtection, "Mental health: picking up the pieces", "public protection"),
        new(BusinessArea.Intelligence, "Stolen freedom: the policing response to modern slavery", "intelligence sharing"),
        new(BusinessArea.Crime, "Getting the balance right? An inspection of how effectively the police deal with serious crime", "serious crime"),
        new(BusinessArea.Leadership, "Leading lights: an inspection of the police service's arrangements for selecting chief officers", "leadership development"),
        new(BusinessArea.Other, "Policing in austerity: meeting the challenge", "neighbourhood policing"),
    ];

    private static readonly string[] FindingActions =
    [
        "reviews its procedures", "puts in place an action plan", "trains its staff", "audits compliance",
        "makes a senior officer accountable", "publishes clear guidance", "strengthens supervision", "improves the quality of its data",
    ];

    private static readonly string[] Assurances =
    [
        "records are reviewed at the end of their review period",
        "decisions to retain information are recorded",
        "victims are kept informed",
        "risk is assessed and managed consistently",
        "the force's systems support the revised procedure",
        "compliance is audited at least annually",
    ];

    private static readonly string[] Concerns = ["does not have an adequate understanding of", "is not managing the risks of", "lacks the capacity to deliver"];

    private static readonly string[] Notes = ["made good progress in", "adopted different approaches to", "begun to share good practice in"];

    private static readonly string[] NotStartedWords =
    [
        "The recommendation has been assessed and an owner appointed; work has not yet started.",
        "Awaiting the national guidance before work can begin.",
        "Work is planned but not yet resourced.",
    ];

    private static readonly string[] InProgressWords =
    [
        "A working group has been established and has mapped current practice against the recommendation.",
        "The revised procedure has been drafted and is out for consultation with the federation and unions.",
        "Training has been delivered to 60% of the officers concerned; the remainder are scheduled.",
        "An audit found partial compliance; gaps are being closed through the action plan.",
        "The ICT change needed is in the supplier's release plan.",
    ];

    private static readonly string[] NextSteps =
    [
        "A further update will follow at the next meeting.",
        "Delivery is dependent on recruitment to two posts.",
        "The target date has been agreed with the owner.",
        "Progress is monitored monthly.",
    ];

    private static readonly string[] ImplementedWords =
    [
        "The revised policy was agreed and published, and compliance has been confirmed by audit.",
        "All actions in the plan are complete and the new process is embedded.",
        "The recommendation has been implemented in full; a dip sample found consistent compliance.",
    ];

    private static readonly string[] ReopenReasons =
    [
        "a re-inspection found the change had not been sustained",
        "an audit found compliance had fallen",
        "the panel asked for further assurance",
    ];

    private static readonly string[] Constraints =
    [
        "Records on legacy systems cannot be deleted due to system constraints.",
        "Delivery depends on the regional collaboration agreeing the change.",
        "Funding for the additional posts has not yet been agreed.",
    ];

    private static readonly string[] Boards =
    [
        "Information Governance Board", "Strategic Scrutiny Meeting", "HMICFRS Board", "Organisational Improvement Board",
        "Force Performance Board", "Public Protection Board", "Crime and Justice Board",
    ];

    private static readonly string[] SignOffs = ["Deputy Chief Constable", "Assistant Chief Constable", "Chief Constable", "Head of Corporate Development"];

    private static readonly string[] ActionVerbs = ["Review", "Audit", "Train staff in", "Publish guidance on", "Recruit to support", "Procure a system for"];

    private static readonly string[] Roles =
    [
        "Detective Superintendent", "Chief Inspector", "Head of Information Management", "Force Crime Registrar",
        "Assistant Chief Constable", "Head of Public Protection", "Information Assurance Manager", "Superintendent",
    ];

    private static readonly string[] FirstNames =
    [
        "Alex", "Sam", "Jo", "Chris", "Priya", "Mohammed", "Claire", "David", "Sarah", "James", "Aisha", "Gareth", "Rhian", "Tom",
        "Helen", "Carl", "Jonny", "Fiona", "Ravi", "Emma",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Khan", "Patel", "Wilson", "Thomas", "Roberts",
        "Hughes", "Walker", "Wright", "Melling", "Starbuck", "Clarke", "Green", "Hall",
    ];

    private static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    private static T Weighted<T>(this Random random, params (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        throw new UnreachableException();
    }
}
