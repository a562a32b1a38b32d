using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Reminders;
using ComplianceApi.Features.Responses;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Reminders;

/// <summary>Each test has a database of its own: the digest is every owner's, and other tests' records would be in it.</summary>
public sealed class GetRemindersTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_digest_groups_by_owner_oldest_first_and_filters_by_window_and_force(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var today = ServiceDay.DateAt(DateTimeOffset.UtcNow);
        var finding = await host.CreateFindingAsync(); // due 2015-07-02
        var overdue = await admin.CreateResponseAsync(finding.Id, Response(Lancashire) with { OwnerName = "Owner B", OwnerRole = "Role B" });
        var soon = await admin.CreateResponseAsync(finding.Id, Response(CityOfLondon) with { OwnerName = "Owner A", OwnerRole = "Role A", NextReviewOn = null });
        await (await admin.PostJsonAsync($"/api/v1/responses/{soon.Id}/target-date-changes",
            new TargetDateChangeRequest(today.AddDays(10), "Waiting for the new system", null))).ReadAsync<TargetDateChangeView>(HttpStatusCode.Created);
        var plan = await admin.CreatePlanAsync(PlanTestData.LancashirePlan(finding.InspectionId));
        var action = await admin.CreateActionAsync(plan.Id, PlanTestData.RecruitRecordsManager(finding.Id) with { OwnerName = "Owner B", OwnerRole = "Role B" });
        var done = await admin.CreateActionAsync(plan.Id, PlanTestData.PeerReview(finding.Id));

        var all = await admin.GetAsync<ReminderDigestView>("/api/v1/reminders");
        var week = await admin.GetAsync<ReminderDigestView>("/api/v1/reminders?withinDays=7");
        var lancashire = await (await host.ClientAsync(ApiKeyRole.Reader, Lancashire)).GetAsync<ReminderDigestView>("/api/v1/reminders");
        var city = await admin.GetAsync<ReminderDigestView>("/api/v1/reminders?forceCode=city-of-london");
        var tooFar = await (await admin.GetAsync("/api/v1/reminders?withinDays=400", Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([("Owner B", "Role B"), ("Owner A", "Role A")], all.Owners.Select(o => (o.OwnerName, o.OwnerRole)));
        Assert.Equal(
            [(ReminderReason.Overdue, overdue.Id, new DateOnly(2015, 7, 2)), (ReminderReason.ReviewDue, overdue.Id, new DateOnly(2016, 3, 1)),
             (ReminderReason.Overdue, action.Id, new DateOnly(2016, 3, 31))],
            all.Owners[0].Items.Select(i => (i.Reason, i.Id, i.Date)));
        Assert.Equal([(ReminderReason.FallingDue, soon.Id, "response", 10)], all.Owners[1].Items.Select(i => (i.Reason, i.Id, i.RecordType, i.DaysFromToday)));
        Assert.DoesNotContain(all.Owners.SelectMany(o => o.Items), i => i.Id == done.Id);
        Assert.Equal((4, 45), (all.Count, all.WithinDays));
        Assert.Equal([("Owner B", 3)], week.Owners.Select(o => (o.OwnerName, o.Items.Count)));
        Assert.Equal(all.Owners[0].Items, lancashire.Owners.Single().Items);
        Assert.Equal([soon.Id], city.Owners.SelectMany(o => o.Items).Select(i => i.Id));
        Assert.Contains("withinDays", tooFar.Errors!.Keys);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_digest_comes_as_a_csv_row_per_reminder_and_a_printable_page_per_owner(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        await admin.CreateResponseAsync(finding.Id, Response(Lancashire) with { OwnerName = "=HYPERLINK(\"x\")", OwnerRole = "<b>Role</b>" });

        var csv = await admin.GetAsync("/api/v1/reminders?format=Csv", Ct);
        var html = await admin.GetAsync("/api/v1/reminders?format=Html", Ct);
        var accepted = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reminders");
        accepted.Headers.Accept.ParseAdd("text/csv");
        var byAccept = await admin.SendAsync(accepted, Ct);

        var rows = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var page = await html.Content.ReadAsStringAsync(Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("reminders-all-forces-", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("Owner,Owner role,Reminder,Record,Force,Subject,Status,Date,Days from today,Id", rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\")\",<b>Role</b>,Overdue,response,lancashire,", rows[1]);
        Assert.Contains(",Review due,response,lancashire,", rows[2]);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h2>=HYPERLINK(&quot;x&quot;), &lt;b&gt;Role&lt;/b&gt; (2)</h2>", page);
        Assert.Contains("@page { size: A4 landscape", page);
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType?.MediaType);
    }
}
