using System.Net;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Features.Changes;
using ComplianceApi.Features.ReportResponses;
using ComplianceApi.Features.Responses;
using ComplianceApi.Tests.Infrastructure;
using ComplianceApi.Features.ActionPlans;
using Microsoft.AspNetCore.TestHost;
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

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_due_date_moved_straight_into_a_window_is_reminded_of_that_window_once_and_one_moved_out_and_back_in_again(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        // Writes and runs on one clock, so each re-baselining falls between the runs it is meant to.
        var day = new DateOnly(2027, 3, 1);
        var clock = new SettableClock { Now = ServiceDay.StartOf(day).AddHours(9) };
        await using var instance = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var admin = instance.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);
        var job = instance.Services.GetRequiredService<DailyReminders>();
        var inspection = await host.AdminClient().CreateInspectionAsync();
        async Task<Guid> NewResponse(string reference) =>
            (await admin.CreateResponseAsync((await host.CreateFindingAsync(inspection.Id, reference)).Id, Response(Lancashire))).Id;
        var (sixtyToFive, fiftyToForty, staysIn, outAndIn) =
            (await NewResponse("Recommendation 1"), await NewResponse("Recommendation 2"), await NewResponse("Recommendation 3"), await NewResponse("Recommendation 4"));
        async Task Rebaseline(Guid response, DateOnly target) =>
            await (await admin.PostJsonAsync($"/api/v1/responses/{response}/target-date-changes",
                new TargetDateChangeRequest(target, "The board agreed a new date", null))).ReadAsync<TargetDateChangeView>(HttpStatusCode.Created);
        var plan = await admin.CreatePlanAsync(PlanTestData.LancashirePlan(inspection.Id));
        var served = await host.CreateFindingAsync(inspection.Id, "Recommendation 5");
        var actionRequest = PlanTestData.RecruitRecordsManager(served.Id) with { DueOn = day.AddDays(61) };
        var action = await admin.CreateActionAsync(plan.Id, actionRequest);

        // Day 1: two responses already inside the 7-day window, two far off.
        await Rebaseline(sixtyToFive, day.AddDays(61));
        await Rebaseline(fiftyToForty, day.AddDays(51));
        await Rebaseline(staysIn, day.AddDays(5));
        await Rebaseline(outAndIn, day.AddDays(5));
        await RunOn(day);

        // Day 2: 60 days off moved to 5 (skipping the 45 window into the 7), 50 to 40 (into the 45), one moved
        // within the window it is in, one moved out of it, and the action 60 days off moved to 5.
        clock.Now = ServiceDay.StartOf(day.AddDays(1)).AddHours(9);
        await Rebaseline(sixtyToFive, day.AddDays(6));
        await Rebaseline(fiftyToForty, day.AddDays(41));
        await Rebaseline(staysIn, day.AddDays(4));
        await Rebaseline(outAndIn, day.AddDays(61));
        await (await admin.PutJsonAsync($"/api/v1/actions/{action.Id}", actionRequest with { DueOn = day.AddDays(6) })).ReadAsync<PlanActionView>();
        await RunOn(day.AddDays(1));

        // Day 3: the one moved out is moved back in, to 5 days off; a second run the same day raises nothing.
        clock.Now = ServiceDay.StartOf(day.AddDays(2)).AddHours(9);
        await Rebaseline(outAndIn, day.AddDays(7));
        await RunOn(day.AddDays(2));
        await RunOn(day.AddDays(2));

        List<(DateOnly Day, string Kind, string RecordId, string? WithinDays, string? DueOn)> raised = [];
        await host.WithDatabaseAsync(async db => raised = [.. (await db.AuditEvents.AsNoTracking()
                .Where(e => e.Operation == DailyReminders.Operation).ToListAsync(Ct))
            .Select(e => (ServiceDay.DateAt(e.OccurredAt), e.Kind, e.RecordId,
                e.Changes.SingleOrDefault(c => c.Field == "withinDays")?.New, e.Changes.SingleOrDefault(c => c.Field == "dueOn")?.New))
            .Order()]);

        static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        List<(DateOnly, string, string, string?, string?)> expected =
        [
            (day, "response.falling_due", staysIn.ToString(), "7", Date(day.AddDays(5))),
            (day, "response.falling_due", outAndIn.ToString(), "7", Date(day.AddDays(5))),
            (day.AddDays(1), "action.falling_due", action.Id.ToString(), "7", Date(day.AddDays(6))),
            (day.AddDays(1), "response.falling_due", sixtyToFive.ToString(), "7", Date(day.AddDays(6))),
            (day.AddDays(1), "response.falling_due", fiftyToForty.ToString(), "45", Date(day.AddDays(41))),
            (day.AddDays(2), "response.falling_due", outAndIn.ToString(), "7", Date(day.AddDays(7))),
        ];
        Assert.Equal(expected.Order(), raised);

        async Task RunOn(DateOnly expectedDay)
        {
            clock.Now = clock.Now.AddMinutes(5);
            Assert.Equal(expectedDay, ServiceDay.DateAt(clock.Now));
            await job.RunAsync(Ct);
        }
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
