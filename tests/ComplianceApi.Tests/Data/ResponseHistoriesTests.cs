using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Data;

/// <summary>
/// The summaries' and statements' fast path (the update in effect on a date taken from the response's own row
/// when its latest took effect by then, else sought through the index, one a response) gives what the domain's rule-by-rule fold of the whole history gives, on generated histories
/// the domain accepts: updates of every status on one day or weeks apart, re-baselinings, closings and
/// reopenings, supersessions, and dates before, on, between and after the entries; and today's state, read
/// from the response's own columns for today's summary, counts as the fold on today does.
/// </summary>
public sealed class ResponseHistoriesTests(TestHosts hosts)
{
    // Each case is a new finding written through the API: enough to meet every kind of step every run, quick enough for every build.
    private const int Cases = 12;

    private static readonly DateOnly FirstDay = new(2015, 7, 10);

    /// <summary>What a generated step does: record an update, re-baseline the target date, or reopen a closed response.</summary>
    public enum StepKind { Update, Rebaseline, Reopen }

    /// <summary>One generated step, some days after the previous one (often none).</summary>
    public sealed record GeneratedStep(int DaysAfter, StepKind Kind, ResponseStatus Status, Rag? Rag, int TargetInDays);

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_update_in_effect_read_from_the_row_or_the_index_folds_to_the_same_state_as_the_whole_history_on_any_date(Provider provider)
    {
        var host = await hosts.For(provider);
        var superseding = await host.CreateFindingAsync("Recommendation 1");
        var step =
            from days in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 60)))
            from kind in Gen.Frequency((6, Gen.Constant(StepKind.Update)), (2, Gen.Constant(StepKind.Rebaseline)), (1, Gen.Constant(StepKind.Reopen)))
            from status in Gen.Elements(ResponseStatus.NotStarted, ResponseStatus.InProgress, ResponseStatus.Implemented, ResponseStatus.Closed,
                ResponseStatus.Superseded, ResponseStatus.InProgress)
            from rag in Gen.Elements<Rag?>(null, Rag.Red, Rag.Amber, Rag.Green)
            from target in Gen.Choose(-60, 400)
            select new GeneratedStep(days, kind, status, rag, target);
        var histories = step.ListOf().Select(steps => (IReadOnlyList<GeneratedStep>)[.. steps.Take(14)]);

        // FsCheck waits on each case's task itself: run off the test's context so that it cannot wait on itself.
        await Task.Run(() => Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(Cases).WithMaxRejected(Cases),
            Prop.ForAll(histories.ToArbitrary(), history => CompareAsync(host, superseding.Id, history))), TestContext.Current.CancellationToken);
    }

    private static async Task CompareAsync(ComplianceApiHost host, Guid supersedingId, IReadOnlyList<GeneratedStep> steps)
    {
        var ct = TestContext.Current.CancellationToken;
        var finding = await host.CreateFindingAsync();
        var created = await host.AdminClient().CreateResponseAsync(finding.Id);
        var dates = new List<DateOnly> { new(2014, 1, 1), new(2030, 1, 1) };
        await host.WithDatabaseAsync(async db =>
        {
            var response = await db.ForceResponses.SingleAsync(r => r.Id == created.Id, ct);
            var day = FirstDay;
            var tick = 0;
            foreach (var step in steps)
            {
                day = day.AddDays(step.DaysAfter);
                // Recorded on the day it takes effect (a microsecond apart on one day), so a reopening dates where it is generated.
                var now = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).AddTicks(10 * ++tick);
                try
                {
                    switch (step.Kind)
                    {
                        case StepKind.Update:
                            response.RecordProgress(new ProgressEntry(day, step.Status, step.Rag, $"Entry {tick}", "Head of Information Management",
                                step.Status == ResponseStatus.Closed ? "Deputy Chief Constable" : null,
                                step.Status == ResponseStatus.Superseded ? supersedingId : null), now);
                            break;
                        case StepKind.Rebaseline:
                            response.Rebaseline(day.AddDays(step.TargetInDays), "The board moved the date.", day, "Head of Information Management", now);
                            break;
                        case StepKind.Reopen:
                            response.Reopen("The audit found gaps.", "Head of Information Management", "bench", now);
                            break;
                    }
                }
                catch (DomainRuleException)
                {
                    // A step the domain refuses is no part of the history, as through the API.
                    continue;
                }

                dates.AddRange([day.AddDays(-1), day, day.AddDays(1)]);
            }

            await db.SaveChangesAsync(ct);
        });

        await host.WithDatabaseAsync(async db =>
        {
            var stored = await db.ForceResponses.AsNoTracking().Include(r => r.Finding).Include(r => r.Updates).Include(r => r.Revisions)
                .Include(r => r.TargetDateChanges).SingleAsync(r => r.Id == created.Id, ct);
            var history = ResponseHistory.Of(stored, await db.Evidence.AsNoTracking().Where(e => e.ResponseId == created.Id).ToListAsync(ct));
            foreach (var on in dates.Distinct())
            {
                var fast = await db.StatesOnAsync(db.ForceResponses.Where(r => r.Id == created.Id), r => r.Id, on, ct);
                Assert.Equal(history.StateOn(on), fast.SingleOrDefault()?.State);

                // A summary's read leaves the narrative and the details unread, and only those.
                var counted = await db.StatesOnAsync(db.ForceResponses.Where(r => r.Id == created.Id), r => r.Id, on, ct, counting: true);
                Assert.Equal(
                    history.StateOn(on) is { } state ? state with { PositionStatement = null, OwnerName = null, OwnerRole = null, TargetDate = state.RevisedTargetDate } : null,
                    counted.SingleOrDefault()?.State);
            }

            // Today's summary reads the response's own columns: what counting needs equals the fold on today.
            var today = db.Today;
            var current = await db.StatesTodayAsync(db.ForceResponses.Where(r => r.Id == created.Id), [stored.ForceCode], r => r.Id, today, ct);
            Assert.Equal(
                history.StateOn(today)! with { PositionStatement = null, StatusEffectiveOn = null, OwnerName = null, OwnerRole = null, TargetDate = null },
                current.Single().State);
        });
    }
}
