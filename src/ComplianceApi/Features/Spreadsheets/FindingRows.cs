using System.Text.RegularExpressions;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using static ComplianceApi.Features.Spreadsheets.SpreadsheetLayouts;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>
/// Rows of the Findings sheet: an inspection with one of its findings per row. The first row of an
/// inspection creates or revises it; its later rows must repeat the same inspection columns.
/// </summary>
public static partial class FindingRows
{
    public static string Key(ImportRow row) => SpreadsheetImport.KeyOf(row.Raw(InspectionReference), row.Raw(FindingReference));

    public static ImportOutcome? Load(ImportRow row, SpreadsheetImport import)
    {
        if (!import.IsAdmin)
        {
            row.Problem(InspectionReference, "Only admins record inspections and findings; this API key cannot load Findings rows.");
            return null;
        }

        var reference = row.Required(InspectionReference, Lengths.Reference);
        if (reference.Length > 0 && !Slug().IsMatch(reference))
        {
            row.Problem(InspectionReference, "A reference is a slug: lower-case letters and digits, words joined by hyphens.");
        }

        var details = InspectionDetailsIn(row, import);
        var findingReference = row.Required(FindingReference, Lengths.Reference);
        var kind = row.Choice<FindingKind>(SpreadsheetLayouts.FindingKind, required: true);
        var text = row.Required(FindingText, Lengths.LongText);
        var area = row.Choice<BusinessArea>(SpreadsheetLayouts.BusinessArea, required: true);
        var deadlineText = row.Text(SpreadsheetLayouts.Deadline, Lengths.Name);
        var dueDate = row.Date(DueDate);
        var addressees = AddresseesIn(row, import);
        var causeOfConcernReference = row.Text(AnswersCauseOfConcern, Lengths.Reference);
        var tags = row.Tags(SpreadsheetLayouts.Tags);
        if (row.IsRejected || details is null || kind is null || area is null)
        {
            return null;
        }

        var inspectionChanged = false;
        var inspection = import.InspectionNamed(reference);
        if (import.EarlierRowGiving("inspection:" + reference, row.Number, details) is { } first)
        {
            foreach (var column in Differences((InspectionDetails)first.Values, details))
            {
                row.Problem(column, $"Differs from row {first.Row}, which gives this inspection's {column.Header}: an inspection's columns repeat on each of its rows and must agree.");
            }
        }
        else if (inspection is null)
        {
            inspection = row.Domain(FieldworkEndedOn, () => new Inspection(Guid.CreateVersion7(import.Now), reference, details, import.Now));
            if (inspection is not null)
            {
                import.Added(inspection);
            }
        }
        else if (Differences(StoredDetails(inspection), details).Any())
        {
            var publishedOn = inspection.PublishedOn;
            inspectionChanged = row.Domain(FieldworkEndedOn, () => inspection.Revise(details, import.Now));
            if (inspectionChanged && inspection.PublishedOn != publishedOn)
            {
                foreach (var finding in import.FindingsOf(inspection))
                {
                    row.Domain(PublishedOn, () => finding.FollowPublicationDate(import.Now));
                }
            }
        }

        if (row.IsRejected || inspection is null)
        {
            return null;
        }

        Finding? causeOfConcern = null;
        if (causeOfConcernReference is not null && (causeOfConcern = import.FindingNamed(reference, causeOfConcernReference)) is null)
        {
            row.Problem(AnswersCauseOfConcern, $"Inspection '{reference}' has no finding '{causeOfConcernReference}' (stored, or on an earlier row).");
            return null;
        }

        var findingDetails = new FindingDetails(kind.Value, text, area.Value, deadlineText, dueDate, addressees);
        if (import.FindingNamed(reference, findingReference) is not { } stored)
        {
            var created = row.Domain(Addressees, () => new Finding(Guid.CreateVersion7(import.Now), inspection, findingReference, findingDetails, import.Now, causeOfConcern));
            if (created is null)
            {
                return null;
            }

            if (tags is not null)
            {
                created.Retag(tags, import.Now);
            }

            import.Added(created);
            return ImportOutcome.Created;
        }

        var deadline = row.Domain(SpreadsheetLayouts.Deadline, () => Domain.Deadline.Record(deadlineText, dueDate, inspection.PublishedOn));
        if (deadline is null)
        {
            return null;
        }

        var same = stored.Kind == kind && stored.Text == text && stored.BusinessArea == area && stored.Deadline == deadline
            && stored.CauseOfConcernId == causeOfConcern?.Id
            && stored.Addressees.Select(a => new Addressee(a.Kind, a.ForceCode, a.Name)).ToHashSet().SetEquals(addressees);
        var retagged = tags is not null && stored.Retag(tags, import.Now);
        if (same)
        {
            return inspectionChanged || retagged ? ImportOutcome.Updated : ImportOutcome.Unchanged;
        }

        return row.Domain(Addressees, () => stored.Revise(findingDetails, import.Now, causeOfConcern)) ? ImportOutcome.Updated : null;
    }

    private static InspectionDetails? InspectionDetailsIn(ImportRow row, SpreadsheetImport import)
    {
        var inspectorate = row.Choice<Inspectorate>(SpreadsheetLayouts.Inspectorate, required: true);
        var title = row.Required(InspectionTitle, Lengths.Title);
        var type = row.Choice<InspectionType>(SpreadsheetLayouts.InspectionType, required: true);
        var publishedOn = row.Date(PublishedOn);
        var startedOn = row.Date(FieldworkStartedOn);
        var endedOn = row.Date(FieldworkEndedOn);
        var status = row.Choice<PublicationStatus>(SpreadsheetLayouts.PublicationStatus) ?? Domain.PublicationStatus.Published;
        var link = row.Text(Link, Lengths.Url);
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            row.Problem(Link, "A link is an absolute http or https URL.");
        }

        var allForces = row.YesNo(AllForcesInScope);
        var forces = SpreadsheetValues.ParseList(row.Text(ForcesInScope, Lengths.LongText) ?? "");
        foreach (var unknown in forces.Where(code => !import.ForceExists(code)))
        {
            row.Problem(ForcesInScope, $"No force has code '{unknown}'; GET /api/v1/forces lists them.");
        }

        return inspectorate is null || type is null
            ? null
            : new InspectionDetails(inspectorate.Value, title, type.Value, publishedOn, startedOn, endedOn, status, link, allForces, forces);
    }

    private static List<Addressee> AddresseesIn(ImportRow row, SpreadsheetImport import)
    {
        var addressees = new List<Addressee>();
        foreach (var item in SpreadsheetValues.ParseList(row.Required(Addressees, Lengths.LongText)))
        {
            var (kindText, who) = SpreadsheetValues.ParsePair(item);
            if (!SpreadsheetValues.TryParseEnum<AddresseeKind>(kindText, out var kind))
            {
                row.Problem(Addressees, $"'{kindText}' is not one of {string.Join(", ", Enum.GetNames<AddresseeKind>())}.");
                continue;
            }

            if (kind == AddresseeKind.Force)
            {
                if (who is null || !import.ForceExists(who))
                {
                    row.Problem(Addressees, who is null
                        ? "A force addressee names its force's code: Force: lancashire."
                        : $"No force has code '{who}'; GET /api/v1/forces lists them.");
                    continue;
                }

                addressees.Add(new Addressee(kind, who, null));
            }
            else if (who is { Length: > Lengths.Name })
            {
                row.Problem(Addressees, $"Who exactly is at most {Lengths.Name} characters.");
            }
            else
            {
                addressees.Add(new Addressee(kind, null, who));
            }
        }

        return addressees;
    }

    private static InspectionDetails StoredDetails(Inspection inspection) => new(
        inspection.Inspectorate, inspection.Title, inspection.Type, inspection.PublishedOn, inspection.FieldworkStartedOn, inspection.FieldworkEndedOn,
        inspection.PublicationStatus, inspection.Link, inspection.AllForcesInScope, [.. inspection.ForcesInScope.Select(f => f.ForceCode)]);

    /// <summary>The inspection columns in which two sets of details differ.</summary>
    private static IEnumerable<SpreadsheetColumn> Differences(InspectionDetails a, InspectionDetails b)
    {
        if (a.Inspectorate != b.Inspectorate) yield return SpreadsheetLayouts.Inspectorate;
        if (a.Title != b.Title) yield return InspectionTitle;
        if (a.Type != b.Type) yield return SpreadsheetLayouts.InspectionType;
        if (a.PublishedOn != b.PublishedOn) yield return PublishedOn;
        if (a.FieldworkStartedOn != b.FieldworkStartedOn) yield return FieldworkStartedOn;
        if (a.FieldworkEndedOn != b.FieldworkEndedOn) yield return FieldworkEndedOn;
        if (a.PublicationStatus != b.PublicationStatus) yield return SpreadsheetLayouts.PublicationStatus;
        if (a.Link != b.Link) yield return Link;
        if (a.AllForcesInScope != b.AllForcesInScope) yield return AllForcesInScope;
        if (!a.ForceCodesInScope.ToHashSet().SetEquals(b.ForceCodesInScope)) yield return ForcesInScope;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
