using System.Globalization;
using ComplianceApi.Domain;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>The kinds of record that load from and export to spreadsheets, in the order a workbook loads them.</summary>
public enum SpreadsheetKind { Findings, Responses, ProgressUpdates, Actions, Gradings }

/// <summary>
/// One column of a spreadsheet layout. Files are matched to columns by header, ignoring case, spaces
/// and punctuation, so "Finding ref" does not match but "finding_reference" and "FINDING REFERENCE" do.
/// An <paramref name="ExportOnly"/> column is written by exports and accepted, unread, by loads: what it
/// holds follows from other columns (whether the force disagrees with the inspectorate), so a re-loaded
/// export neither refuses it nor lists it as a column not loaded. The template leaves it out.
/// </summary>
public sealed record SpreadsheetColumn(
    string Header, bool Required, string Description, string Example, IReadOnlyList<string>? AllowedValues = null, bool ExportOnly = false)
{
    public bool Matches(string header) => Normalise(header) == Normalise(Header);

    // Called for every choice cell of a load (twice per row of 50,000), so without LINQ.
    public static string Normalise(string header) => string.Create(header.Count(char.IsLetterOrDigit), header, (normalised, text) =>
    {
        var at = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                normalised[at++] = char.ToLowerInvariant(c);
            }
        }
    });
}

/// <summary>A sheet's columns, and the natural key that matches its rows to stored records.</summary>
public sealed record SpreadsheetLayout(
    SpreadsheetKind Kind, string SheetName, string Description, string NaturalKey, IReadOnlyList<SpreadsheetColumn> Columns)
{
    /// <summary>Whether its records carry tags: it has the Tags column, and an export can be filtered by tag.</summary>
    public bool CarriesTags => Columns.Contains(SpreadsheetLayouts.Tags);

    /// <summary>Whether an export of it can be filtered by tag: its records carry tags, or, progress updates, their response does.</summary>
    public bool FilteredByTag => CarriesTags || Kind == SpreadsheetKind.ProgressUpdates;

    /// <summary>The columns a load reads and the template offers: all but the export-only ones.</summary>
    public IEnumerable<SpreadsheetColumn> LoadedColumns => Columns.Where(c => !c.ExportOnly);
}

/// <summary>
/// The one definition of every spreadsheet's columns: imports read by it, exports and the template
/// write by it, so an export loads back unchanged.
/// </summary>
public static class SpreadsheetLayouts
{
    public static readonly SpreadsheetColumn ForceCode = new(
        "Force code", true, "The force's code, as listed by GET /api/v1/forces.", "lancashire");

    public static readonly SpreadsheetColumn InspectionReference = new(
        "Inspection reference", true, "The inspection's reference: a stable slug, unique across inspections.", "hmic-2015-cdi-lancashire");

    public static readonly SpreadsheetColumn FindingReference = new(
        "Finding reference", true, "The finding's reference as printed in the report; unique within it.", "Recommendation 1");

    public static readonly SpreadsheetColumn Inspectorate = new(
        "Inspectorate", true, "Who published the report.", "Hmic", SpreadsheetValues.Names<Domain.Inspectorate>());

    public static readonly SpreadsheetColumn InspectionTitle = new(
        "Inspection title", true, "The report's title.", "Crime data integrity: inspection of Lancashire Constabulary");

    public static readonly SpreadsheetColumn InspectionType = new(
        "Inspection type", true, "The kind of inspection.", "CrimeDataIntegrity", SpreadsheetValues.Names<Domain.InspectionType>());

    public static readonly SpreadsheetColumn PublishedOn = new(
        "Published on", false, "The publication date; deadlines such as \"within six months\" count from it. Blank while unpublished.", "2014-11-18");

    public static readonly SpreadsheetColumn FieldworkStartedOn = new("Fieldwork started on", false, "When fieldwork started.", "2014-06-02");

    public static readonly SpreadsheetColumn FieldworkEndedOn = new("Fieldwork ended on", false, "When fieldwork ended; not before it started.", "2014-06-13");

    public static readonly SpreadsheetColumn PublicationStatus = new(
        "Publication status", false, "Published (the default) or restricted.", "Published", SpreadsheetValues.Names<Domain.PublicationStatus>());

    public static readonly SpreadsheetColumn Link = new("Link", false, "Where the report is published.", "https://www.justiceinspectorates.gov.uk/hmicfrs/");

    public static readonly SpreadsheetColumn AllForcesInScope = new(
        "All forces in scope", false, "Yes for a national thematic report addressed to every force; No (the default) otherwise.", "No", ["Yes", "No"]);

    public static readonly SpreadsheetColumn ForcesInScope = new(
        "Forces in scope", false, "The codes of the forces inspected, separated by semicolons; blank when all forces are in scope.", "lancashire");

    public static readonly SpreadsheetColumn FindingKind = new(
        "Finding kind", true, "Recommendation, area for improvement, cause of concern or point of note.", "Recommendation", SpreadsheetValues.Names<Domain.FindingKind>());

    public static readonly SpreadsheetColumn FindingText = new("Finding text", true, "The finding as the report words it.", "The force should immediately review its crime recording arrangements.");

    public static readonly SpreadsheetColumn BusinessArea = new(
        "Business area", true, "The business area it touches.", "CrimeDataIntegrity", SpreadsheetValues.Names<Domain.BusinessArea>());

    public static readonly SpreadsheetColumn Deadline = new(
        "Deadline", false, "The deadline exactly as the report writes it; resolved against the publication date as the API does (POST /api/v1/deadlines/resolve previews it).", "Within six months");

    public static readonly SpreadsheetColumn DueDate = new(
        "Due date", false, "Only where the words do not say or resolve differently: the due date to keep as given.", "");

    public static readonly SpreadsheetColumn Addressees = new(
        "Addressees", true,
        "Who the finding is addressed to, separated by semicolons: a kind, or a kind, a colon and who exactly; a force addressee names the force's code (Force: lancashire).",
        "ChiefConstables; NpccLead: NPCC lead for crime data integrity");

    public static readonly SpreadsheetColumn AnswersCauseOfConcern = new(
        "Answers cause of concern", false, "For a recommendation: the reference of the cause of concern in the same report that it answers.", "");

    public static readonly SpreadsheetColumn OwnerName = new("Owner name", false, "Who owns it.", "Jane Smith");

    public static readonly SpreadsheetColumn OwnerRole = new("Owner role", false, "The owner's role.", "Head of Information Management");

    public static readonly SpreadsheetColumn GovernanceBoard = new("Governance board", false, "The board that watches progress.", "Information Management Board");

    public static readonly SpreadsheetColumn Constraints = new("Constraints", false, "What stops or limits compliance.", "");

    public static readonly SpreadsheetColumn TargetDate = new(
        "Target date", false, "When the force expects to have implemented it. Set once; a later change needs a re-baselining reason.", "2015-03-31");

    public static readonly SpreadsheetColumn TargetDateChangeReason = new(
        "Target date change reason", false, "Why the target date moved, when it differs from the stored one (a re-baselining).", "");

    public static readonly SpreadsheetColumn NextReviewOn = new("Next review on", false, "When the governance board next reviews it.", "2015-01-15");

    public static readonly SpreadsheetColumn DetailsEffectiveOn = new(
        "Details effective on", false, "The date from which the owner and other details hold; blank for today (or, for a new response, from the start).", "");

    public static readonly SpreadsheetColumn Status = new(
        "Status", true, "The response's status.", "InProgress", SpreadsheetValues.Names<ResponseStatus>());

    public static readonly SpreadsheetColumn RagRating = new("RAG", false, "Red, amber or green.", "Amber", SpreadsheetValues.Names<Rag>());

    public static readonly SpreadsheetColumn PositionStatement = new(
        "Position statement", false, "What was done, and why the status is what it is.", "Audit of crime recording under way.");

    public static readonly SpreadsheetColumn StatusEffectiveOn = new(
        "Status effective on", false, "When a changed status, RAG or position took effect; blank for today.", "");

    public static readonly SpreadsheetColumn EffectiveOn = new("Effective on", true, "The date from which the status holds; entries of one response in date order.", "2015-01-15");

    public static readonly SpreadsheetColumn Narrative = new("Narrative", true, "The position statement of this entry.", "Audit of crime recording under way.");

    public static readonly SpreadsheetColumn Author = new("Author", true, "Who wrote the entry.", "Jane Smith");

    public static readonly SpreadsheetColumn SignedOffBy = new("Signed off by", false, "Only when closing: who signed the response off.", "");

    public static readonly SpreadsheetColumn SupersededBy = new(
        "Superseded by", false, "Only when superseded: the finding that supersedes it, as inspection reference, a colon and finding reference.", "");

    /// <summary>
    /// Optional, and only where forces keep tags in their sheets (findings and responses). A sheet without the
    /// column leaves stored tags alone; with it, the cell is the record's whole set (blank removes them).
    /// </summary>
    public static readonly SpreadsheetColumn Tags = new(
        "Tags", false,
        "Themes to group the record by, separated by semicolons; matched ignoring case. " + Domain.Tags.Rules
        + " Leave the column out to keep the stored tags; a blank cell removes them.",
        "MoPI; vetting");

    // Forces keep the inspectorate's register status in their own trackers, so a sheet loads it: a status and
    // date other than the response's latest entry append an entry, as POST .../inspectorate-assessments does.
    private const string AssessmentNote =
        " With the date, a status that is not already the response's latest assessment is recorded as a new entry of the inspectorate's"
        + " assessment (never dated before the latest); blank leaves the assessment alone.";

    public static readonly SpreadsheetColumn InspectorateStatusColumn = new(
        "Inspectorate status", false,
        "The inspectorate's status as its register gives it; exports write its latest assessment on the export's date, blank when none is recorded."
        + AssessmentNote,
        "BeingProgressed", SpreadsheetValues.Names<InspectorateStatus>());

    public static readonly SpreadsheetColumn InspectorateAssessedOn = new(
        "Inspectorate assessed on", false, "The date the inspectorate's entry bears; required with an inspectorate status.", "2016-03-04");

    public static readonly SpreadsheetColumn InspectorateComment = new(
        "Inspectorate comment", false, "The inspectorate's comment with that status, as published; optional.",
        "Authorised for closure on the basis of the re-inspection");

    public static readonly SpreadsheetColumn InspectorateSource = new(
        "Inspectorate source", false,
        "Where the status was read: the register page's name or address. Blank records \"spreadsheet\" and the file's name.",
        "HMICFRS recommendations register");

    public static readonly SpreadsheetColumn DisagreesWithInspectorate = new(
        "Disagrees with inspectorate", false,
        "Yes where the force says implemented, pending sign-off or closed but the inspectorate's latest assessment is neither "
        + "complete nor no further action; No otherwise, and where none is recorded. Written by exports for reading beside the "
        + "force's status; a load ignores it, as it follows from the statuses.",
        "No", ExportOnly: true);

    public static readonly SpreadsheetColumn PlanTitle = new("Plan title", true, "The action plan's title; unique within the force.", "Crime data integrity action plan");

    public static readonly SpreadsheetColumn PlanInspectionReference = new(
        "Plan inspection reference", false, "The inspection the whole plan answers, if it answers one.", "hmic-2015-cdi-lancashire");

    public static readonly SpreadsheetColumn ActionTitle = new("Action title", true, "What is to be done; unique within the plan.", "Recruit a Force Records Manager");

    public static readonly SpreadsheetColumn DueOn = new("Due on", false, "When the action is due.", "2015-06-30");

    public static readonly SpreadsheetColumn ActionStatus = new(
        "Action status", true, "Not started, in progress, completed or cancelled.", "InProgress", SpreadsheetValues.Names<Domain.ActionStatus>());

    public static readonly SpreadsheetColumn CompletedOn = new("Completed on", false, "For a completed action, and only then: when.", "");

    public static readonly SpreadsheetColumn ServesFindings = new(
        "Serves findings", true, "The findings the action serves, separated by semicolons, each as inspection reference, a colon and finding reference.",
        "hmic-2015-cdi-lancashire: Recommendation 1");

    public static readonly SpreadsheetColumn Area = new("Area", false, "The PEEL pillar or question graded; blank or Overall for the whole report.", "Overall");

    public static readonly SpreadsheetColumn GradeGiven = new("Grade", true, "The grade given.", "Good", SpreadsheetValues.Names<Grade>());

    public static readonly SpreadsheetColumn GivenOn = new("Given on", true, "When the grade was given.", "2023-03-10");

    public static readonly SpreadsheetLayout Findings = new(
        SpreadsheetKind.Findings, "Findings",
        "Inspections with their findings, a finding to a row; the inspection's columns repeat on each of its rows and must agree.",
        "Inspection reference + Finding reference",
        [
            InspectionReference, Inspectorate, InspectionTitle, InspectionType, PublishedOn, FieldworkStartedOn, FieldworkEndedOn,
            PublicationStatus, Link, AllForcesInScope, ForcesInScope, FindingReference, FindingKind, FindingText, BusinessArea,
            Deadline, DueDate, Addressees, AnswersCauseOfConcern, Tags,
        ]);

    public static readonly SpreadsheetLayout Responses = new(
        SpreadsheetKind.Responses, "Responses",
        "Forces' responses to findings: owner and details, and the current status, RAG and position (a change is recorded as a progress update).",
        "Force code + Inspection reference + Finding reference",
        [
            ForceCode, InspectionReference, FindingReference, OwnerName, OwnerRole, GovernanceBoard, Constraints, TargetDate,
            TargetDateChangeReason, NextReviewOn, DetailsEffectiveOn, Status with { Required = false }, RagRating, PositionStatement, StatusEffectiveOn,
            Tags, InspectorateStatusColumn, InspectorateAssessedOn, InspectorateComment, InspectorateSource, DisagreesWithInspectorate,
        ]);

    public static readonly SpreadsheetLayout ProgressUpdates = new(
        SpreadsheetKind.ProgressUpdates, "ProgressUpdates",
        "Dated entries in responses' histories, oldest first; an entry already stored loads unchanged, and stored history is never edited.",
        "Force code + Inspection reference + Finding reference + Effective on + Status + Narrative",
        [ForceCode, InspectionReference, FindingReference, EffectiveOn, Status, RagRating, Narrative, Author, SignedOffBy, SupersededBy]);

    public static readonly SpreadsheetLayout Actions = new(
        SpreadsheetKind.Actions, "Actions",
        "Action plans and their actions, an action to a row; the plan's columns repeat on each of its rows and must agree.",
        "Force code + Plan title + Action title",
        [ForceCode, PlanTitle, PlanInspectionReference, ActionTitle, OwnerName, OwnerRole, DueOn, ActionStatus, CompletedOn, ServesFindings]);

    public static readonly SpreadsheetLayout Gradings = new(
        SpreadsheetKind.Gradings, "Gradings",
        "Graded judgements of forces in inspections.",
        "Force code + Inspection reference + Area",
        [ForceCode, InspectionReference, Area, GradeGiven, GivenOn]);

    /// <summary>Every layout, in the order a workbook loads its sheets: later sheets may refer to rows of earlier ones.</summary>
    public static readonly IReadOnlyList<SpreadsheetLayout> All = [Findings, Responses, ProgressUpdates, Actions, Gradings];

    public static SpreadsheetLayout For(SpreadsheetKind kind) => All.Single(l => l.Kind == kind);
}

/// <summary>
/// How values are written into cells and read back: dates as ISO dates, choices by name, lists separated
/// by semicolons. Reading is tolerant of case and spacing ("in progress", "InProgress") and of UK dates.
/// </summary>
public static class SpreadsheetValues
{
    public const string ListSeparator = "; ";

    /// <summary>Separates a kind from who exactly, and an inspection reference from a finding reference.</summary>
    public const char PartSeparator = ':';

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy"];

    public static string[] Names<TEnum>() where TEnum : struct, Enum => Enum.GetNames<TEnum>();

    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Format(bool value) => value ? "Yes" : "No";

    public static string Format<TEnum>(TEnum? value) where TEnum : struct, Enum => value?.ToString() ?? "";

    public static string FormatList(IEnumerable<string> items) => string.Join(ListSeparator, items);

    public static string FormatPair(string first, string? second) => second is null ? first : $"{first}{PartSeparator} {second}";

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    // ISO first, as exports write it, read by hand: a load of 50,000 rows reads a date or two in each,
    // and the framework's format parser costs more than the rest of the row.
    public static bool TryParseDate(string text, out DateOnly date)
    {
        var trimmed = text.AsSpan().Trim();
        return TryParseIsoDate(trimmed, out date)
            || DateOnly.TryParseExact(trimmed, DateFormats, British, DateTimeStyles.None, out date);
    }

    private static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    public static bool TryParseEnum<TEnum>(string text, out TEnum value) where TEnum : struct, Enum =>
        EnumNames<TEnum>.ByName.TryGetValue(text, out value)
        || EnumNames<TEnum>.ByNormalisedName.TryGetValue(SpreadsheetColumn.Normalise(text), out value);

    // The names of an enum as a reader may write them ("in progress"), worked out once per enum; the
    // names as exports write them are looked up first, without normalising the text.
    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToDictionary(v => v.ToString(), StringComparer.OrdinalIgnoreCase);

        public static readonly Dictionary<string, TEnum> ByNormalisedName =
            Enum.GetValues<TEnum>().ToDictionary(v => SpreadsheetColumn.Normalise(v.ToString()), StringComparer.Ordinal);
    }

    public static bool TryParseYesNo(string text, out bool value)
    {
        switch (SpreadsheetColumn.Normalise(text))
        {
            case "yes" or "y" or "true":
                value = true;
                return true;
            case "no" or "n" or "false" or "":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static IReadOnlyList<string> ParseList(string text) =>
        text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"Force: lancashire" is ("Force", "lancashire"); "ChiefConstables" is ("ChiefConstables", null).</summary>
    public static (string First, string? Second) ParsePair(string text)
    {
        var at = text.IndexOf(PartSeparator, StringComparison.Ordinal);
        return at < 0 ? (text.Trim(), null) : (text[..at].Trim(), text[(at + 1)..].Trim() is { Length: > 0 } second ? second : null);
    }
}
