using System.ComponentModel.DataAnnotations;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Reminders;

/// <summary>
/// One digest of what each owner has overdue, falling due or up for review, so a force can send one
/// consolidated message per owner. A force-scoped key sees only its own force's responses and actions.
/// </summary>
/// <param name="WithinDays">Responses and actions due within this many days of today are falling due (0 to 366); 45 when omitted.</param>
/// <param name="ForceCode">Only this force's records; a collaboration's code means the collaboration's and its member forces'.</param>
/// <param name="Format">json (the default), csv or html; the Accept header chooses when this is omitted.</param>
public sealed record GetRemindersQuery(int? WithinDays, string? ForceCode, ReminderFormat? Format) : IRequest<ReminderDigestView>
{
    public const int DefaultWithinDays = 45;
    public const int MostWithinDays = 366;
}

/// <summary>The forms the reminders digest can be had in.</summary>
public enum ReminderFormat { Json, Csv, Html }

public sealed class GetRemindersValidator : AbstractValidator<GetRemindersQuery>
{
    public GetRemindersValidator()
    {
        RuleFor(q => q.WithinDays).InclusiveBetween(0, GetRemindersQuery.MostWithinDays);
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
        RuleFor(q => q.Format).IsInEnum();
    }
}

public sealed class GetRemindersHandler(ComplianceDbContext db, TimeProvider clock) : IRequestHandler<GetRemindersQuery, ReminderDigestView>
{
    public async Task<ReminderDigestView> Handle(GetRemindersQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var within = query.WithinDays ?? GetRemindersQuery.DefaultWithinDays;
        var horizon = today.AddDays(within);
        var forces = await db.ForceCodesMeantByAsync(query.ForceCode, "forceCode", cancellationToken);
        var finished = ResponseRules.Finished;

        var responses = await db.ForceResponses.AsNoTracking()
            .Where(r => !finished.Contains(r.Status) && (r.DueOn <= horizon || r.NextReviewOn <= today))
            .Where(r => forces == null || forces.Contains(r.ForceCode))
            .Select(r => new
            {
                r.Id, r.ForceCode, r.OwnerName, r.OwnerRole, r.Status, r.DueOn, r.NextReviewOn,
                Finding = r.Finding.Reference, Inspection = r.Finding.Inspection.Reference,
            })
            .ToListAsync(cancellationToken);
        var actions = await db.PlanActions.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.Status != ActionStatus.Completed && a.Status != ActionStatus.Cancelled && a.DueOn <= horizon)
            .Where(a => forces == null || forces.Contains(a.ForceCode))
            .Select(a => new { a.Id, a.ForceCode, a.OwnerName, a.OwnerRole, a.Status, a.DueOn, a.Title })
            .ToListAsync(cancellationToken);

        var items = new List<(string? OwnerName, string? OwnerRole, ReminderItemView Item)>();
        foreach (var r in responses)
        {
            var subject = $"{r.Inspection}: {r.Finding}";
            if (ReminderRules.InDigest(r.DueOn, finished: false, today, within) is { } reason)
            {
                items.Add((r.OwnerName, r.OwnerRole, Item(reason, "response", r.Id, r.ForceCode, subject, r.Status.ToString(), r.DueOn!.Value, today)));
            }

            if (r.NextReviewOn <= today)
            {
                items.Add((r.OwnerName, r.OwnerRole, Item(ReminderReason.ReviewDue, "response", r.Id, r.ForceCode, subject, r.Status.ToString(), r.NextReviewOn.Value, today)));
            }
        }

        foreach (var a in actions)
        {
            if (ReminderRules.InDigest(a.DueOn, finished: false, today, within) is { } reason)
            {
                items.Add((a.OwnerName, a.OwnerRole, Item(reason, "action", a.Id, a.ForceCode, a.Title, a.Status.ToString(), a.DueOn!.Value, today)));
            }
        }

        // Oldest first within an owner, and the owner with the oldest first: whoever is furthest behind heads the digest.
        var owners = items
            .GroupBy(i => (i.OwnerName, i.OwnerRole))
            .Select(g => new OwnerRemindersView(g.Key.OwnerName, g.Key.OwnerRole,
                [.. g.Select(i => i.Item).OrderBy(i => i.Date).ThenBy(i => i.Reason).ThenBy(i => i.Subject, StringComparer.Ordinal).ThenBy(i => i.Id)]))
            .OrderBy(o => o.Items[0].Date).ThenBy(o => o.OwnerName, StringComparer.Ordinal).ThenBy(o => o.OwnerRole, StringComparer.Ordinal)
            .ToList();
        return new ReminderDigestView(today, within, query.ForceCode, items.Count, owners);
    }

    private static ReminderItemView Item(ReminderReason reason, string recordType, Guid id, string forceCode, string subject, string status, DateOnly date, DateOnly today) =>
        new(reason, recordType, id, forceCode, subject, status, date, date.DayNumber - today.DayNumber);
}

/// <summary>What each owner has overdue, falling due or up for review on a date.</summary>
/// <param name="AsOf">Today in England and Wales, which the digest was judged on.</param>
/// <param name="WithinDays">Records due within this many days of asOf are falling due.</param>
/// <param name="ForceCode">The force asked for, if any.</param>
/// <param name="Count">How many reminders the digest holds, over all owners.</param>
/// <param name="Owners">Each owner (name and role as recorded on the responses and actions) with their reminders, the owner with the oldest first.</param>
public sealed record ReminderDigestView(
    DateOnly AsOf,
    int WithinDays,
    [property: MaxLength(Lengths.Code)] string? ForceCode,
    int Count,
    [property: MaxLength(int.MaxValue)] IReadOnlyList<OwnerRemindersView> Owners);

/// <summary>One owner's reminders, oldest first.</summary>
/// <param name="OwnerName">The owner's name; absent for records without one.</param>
/// <param name="OwnerRole">The owner's role; absent for records without one.</param>
/// <param name="Items">What the owner is reminded of, the oldest date first.</param>
public sealed record OwnerRemindersView(
    [property: MaxLength(Lengths.Name)] string? OwnerName,
    [property: MaxLength(Lengths.Name)] string? OwnerRole,
    [property: MaxLength(int.MaxValue)] IReadOnlyList<ReminderItemView> Items);

/// <summary>A response or action an owner is reminded of.</summary>
/// <param name="Reason">FallingDue, Overdue or ReviewDue (a response's next review date has come).</param>
/// <param name="RecordType">response (GET /api/v1/responses/{id}) or action (GET /api/v1/actions/{id}).</param>
/// <param name="Id">The response's or action's id.</param>
/// <param name="ForceCode">The force whose record it is.</param>
/// <param name="Subject">For a response, the inspection's and finding's references; for an action, its title.</param>
/// <param name="Status">The response's or action's status.</param>
/// <param name="Date">The due date, or for ReviewDue the next review date.</param>
/// <param name="DaysFromToday">Days from asOf to the date: negative when it has passed.</param>
public sealed record ReminderItemView(
    ReminderReason Reason,
    [property: MaxLength(Lengths.Code)] string RecordType,
    Guid Id,
    [property: MaxLength(Lengths.Code)] string ForceCode,
    [property: MaxLength(Lengths.Title)] string Subject,
    [property: MaxLength(Lengths.EnumName)] string Status,
    DateOnly Date,
    [property: System.ComponentModel.DataAnnotations.Range(-100_000, 100_000)] int DaysFromToday);
