using System.Net;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Features.Changes;
using ComplianceApi.Features.ReportResponses;
using ComplianceApi.Features.Responses;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Reminders;

/// <summary>Each test has a database of its own: the job reminds of every record in it.</summary>
public sealed class DailyRemindersTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_job_raises_each_kind_once_on_the_day_a_record_crosses_its_line_and_nothing_on_a_second_run_that_day(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync(); // due 2015-07-02
        var response = await admin.CreateResponseAsync(finding.Id, Response(Lancashire)); // next review 2016-03-01
        var plan = await admin.CreatePlanAsync(PlanTestData.LancashirePlan(finding.InspectionId));
        var action = await admin.CreateActionAsync(plan.Id, PlanTestData.RecruitRecordsManager(finding.Id)); // due 2016-03-31
        var clock = new SettableClock();
        var job = new DailyReminders(host.Services.GetRequiredService<IServiceScopeFactory>(), clock,
            host.Services.GetRequiredService<IOptions<ReminderOptions>>(), NullLogger<DailyReminders>.Instance);

        var runs = new List<(DateOnly Day, int? Raised)>();
        foreach (var day in new DateOnly[] { new(2015, 5, 17), new(2015, 5, 18), new(2015, 5, 18), new(2015, 5, 19), new(2015, 6, 25), new(2015, 7, 3),
                     new(2016, 2, 15), new(2016, 3, 1), new(2016, 3, 1), new(2016, 4, 1) })
        {
            // Five past midnight in British Summer Time: still the day before in UTC, and the day is England's.
            clock.Now = ServiceDay.StartOf(day).AddMinutes(5);
            runs.Add((day, await job.RunAsync(Ct)));
        }

        List<(string Kind, string RecordId, DateOnly Day, string? WithinDays)> raised = [];
        await host.WithDatabaseAsync(async db => raised = [.. (await db.AuditEvents.AsNoTracking()
                .Where(e => e.Operation == DailyReminders.Operation).OrderBy(e => e.Sequence).ToListAsync(Ct))
            .Select(e => (e.Kind, e.RecordId, ServiceDay.DateAt(e.OccurredAt), e.Changes.SingleOrDefault(c => c.Field == "withinDays")?.New))]);

        Assert.Equal([0, 1, null, 0, 1, 1, 1, 1, null, 1], runs.Select(r => r.Raised));
        var (r, a) = (response.Id.ToString(), action.Id.ToString());
        Assert.Equal(
        [
            ("response.falling_due", r, new DateOnly(2015, 5, 18), "45"),
            ("response.falling_due", r, new DateOnly(2015, 6, 25), "7"),
            ("response.overdue", r, new DateOnly(2015, 7, 3), null),
            ("action.falling_due", a, new DateOnly(2016, 2, 15), "45"),
            ("response.review_due", r, new DateOnly(2016, 3, 1), null),
            ("action.overdue", a, new DateOnly(2016, 4, 1), null),
        ], raised);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_local_policing_bodys_unpublished_response_is_reminded_of_against_its_56_day_deadline(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var report = await admin.CreateInspectionAsync(
            TestData.Inspection(Unique.Slug("thematic"), forcesInScope: [Lancashire, "kent"]) with { PublishedOn = new DateOnly(2015, 12, 10) });
        var unpublished = await (await admin.PostJsonAsync($"/api/v1/inspections/{report.Id}/report-responses",
            new ReportResponseRequest(Lancashire, null, null, null, null, null, null, null, null))).ReadAsync<ReportResponseView>(HttpStatusCode.Created);
        await (await admin.PostJsonAsync($"/api/v1/inspections/{report.Id}/report-responses",
            new ReportResponseRequest("kent", null, null, null, null, null, new DateOnly(2015, 12, 18), null, null))).ReadAsync<ReportResponseView>(HttpStatusCode.Created);
        var clock = new SettableClock();
        var job = new DailyReminders(host.Services.GetRequiredService<IServiceScopeFactory>(), clock,
            host.Services.GetRequiredService<IOptions<ReminderOptions>>(), NullLogger<DailyReminders>.Instance);

        // The deadline is 3 February 2016: 46 days after 19 December, 45 after the 20th, 7 after 27 January.
        foreach (var day in new DateOnly[] { new(2015, 12, 19), new(2015, 12, 20), new(2016, 1, 26), new(2016, 1, 27), new(2016, 2, 3), new(2016, 2, 4) })
        {
            clock.Now = ServiceDay.StartOf(day).AddMinutes(5);
            await job.RunAsync(Ct);
        }

        List<(string Kind, string RecordId, string? ForceCode, DateOnly Day, string? DueOn)> raised = [];
        await host.WithDatabaseAsync(async db => raised = [.. (await db.AuditEvents.AsNoTracking()
                .Where(e => e.Operation == DailyReminders.Operation).OrderBy(e => e.Sequence).ToListAsync(Ct))
            .Select(e => (e.Kind, e.RecordId, e.ForceCode, ServiceDay.DateAt(e.OccurredAt), e.Changes.SingleOrDefault(c => c.Field == "dueOn")?.New))]);

        var id = unpublished.Id.ToString();
        Assert.Equal(
        [
            ("report_response.falling_due", id, (string?)Lancashire, new DateOnly(2015, 12, 20), (string?)"2016-02-03"),
            ("report_response.falling_due", id, Lancashire, new DateOnly(2016, 1, 27), "2016-02-03"),
            ("report_response.overdue", id, Lancashire, new DateOnly(2016, 2, 4), "2016-02-03"),
        ], raised);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Two_instances_on_one_database_run_the_day_once_and_its_reminder_reaches_the_change_feed(Provider provider)
    {
        await using var first = await hosts.IsolatedHostFor(provider);
        await using var second = new ComplianceApiHost(provider, first.Settings);
        var admin = first.AdminClient();
        var response = await admin.CreateResponseAsync((await first.CreateFindingAsync()).Id, Response(Lancashire));
        var today = ServiceDay.DateAt(DateTimeOffset.UtcNow);
        await (await admin.PostJsonAsync($"/api/v1/responses/{response.Id}/target-date-changes",
            new TargetDateChangeRequest(today.AddDays(7), "The records manager starts next week", null))).ReadAsync<TargetDateChangeView>(HttpStatusCode.Created);

        var runs = await Task.WhenAll(
            first.Services.GetRequiredService<DailyReminders>().RunAsync(Ct),
            second.Services.GetRequiredService<DailyReminders>().RunAsync(Ct));
        var feed = await admin.GetAsync<ChangePage>("/api/v1/changes?kinds=response.falling_due,response.overdue,response.review_due&limit=200");

        Assert.Equal([1], runs.Where(r => r is not null));
        var reminder = Assert.Single(feed.Items);
        Assert.Equal(("response.falling_due", response.Id.ToString(), Lancashire, "ComplianceApi"),
            (reminder.Kind, reminder.RecordId, reminder.ForceCode, reminder.Client.Name));
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
