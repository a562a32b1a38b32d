using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Reminders;

/// <summary>
/// What owners are to be reminded of:
/// <code>
/// GET /api/v1/reminders   GetReminders   every reader; a force's keys see their force's records
/// </code>
/// The daily job (Data/DailyReminders.cs) raises the same reminders as events on the change feed.
/// </summary>
public static class ReminderEndpoints
{
    public static void MapReminders(this IEndpointRouteBuilder api)
    {
        var reminders = api.MapGroup("/reminders").WithTags("Reminders").WithCommonProblems();

        reminders.MapGet("", async ([AsParameters] GetRemindersQuery query, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                ReminderDocuments.Render(await mediator.Send(query, ct), ReminderDocuments.Negotiate(query.Format, request)))
            .WithName("GetReminders")
            .WithSummary("Gets one digest, grouped by owner, of the open responses and actions overdue, falling due within withinDays "
                + "and responses up for review, oldest first, as JSON, CSV or a printable HTML page (format, or the Accept header).")
            .ProducesDocuments(ReminderDocuments.DocumentTypes).ProducesValidationProblem();
    }
}
