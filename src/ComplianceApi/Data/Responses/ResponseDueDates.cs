using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data.Responses;

/// <summary>
/// Keeps <see cref="ForceResponse.DueOn"/> in step with findings whose due date a command moved: every
/// response to them, of every force, follows in the same transaction, so the overdue lists never judge
/// a response on a deadline the finding no longer has.
/// </summary>
public static class ResponseDueDates
{
    /// <summary>Loads the responses to <paramref name="moved"/> (tracked, so SaveChanges writes them) and has each follow its finding's due date.</summary>
    public static Task ResponsesFollowDueDatesAsync(this ComplianceDbContext db, IReadOnlyCollection<Finding> moved, CancellationToken cancellationToken) =>
        db.ResponsesFollowDueDatesAsync(moved, new HashSet<Guid>(), cancellationToken);

    /// <summary>
    /// As above, except for the responses in <paramref name="heldElsewhere"/>: the caller holds those
    /// already (a spreadsheet load writes its own copies) and has them follow itself.
    /// </summary>
    public static async Task ResponsesFollowDueDatesAsync(
        this ComplianceDbContext db, IReadOnlyCollection<Finding> moved, IReadOnlySet<Guid> heldElsewhere, CancellationToken cancellationToken)
    {
        if (moved.Count == 0)
        {
            return;
        }

        var findings = moved.ToDictionary(f => f.Id);
        foreach (var chunk in findings.Keys.Chunk(Storage.IdsPerQuery))
        {
            // Every force's responses, whatever the caller's key may see: the finding moved for all of them.
            var responses = await db.ForceResponses.IgnoreQueryFilters().Where(r => chunk.Contains(r.FindingId)).ToListAsync(cancellationToken);
            foreach (var response in responses.Where(r => !heldElsewhere.Contains(r.Id)))
            {
                response.FollowDueDateOf(findings[response.FindingId]);
            }
        }
    }
}
