using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Features.Statements;
using ComplianceApi.Features.Summaries;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Pipeline;

/// <summary>
/// Requests that fold a force's whole history (statements, force summaries) take one of the instance's
/// slots, so a burst of them cannot hold more working sets in memory than there are slots.
/// </summary>
public sealed class CostlyRequestsTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> OneSlot = new() { ["CostlyRequests:MostAtOnce"] = "1" };

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_summary_waits_while_every_slot_is_taken_and_is_answered_once_one_is_freed_while_lists_never_wait(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider, OneSlot);
        var admin = host.AdminClient();
        var slots = host.Services.GetRequiredService<CostlyRequestSlots>();
        var finding = await host.CreateFindingAsync();
        await admin.CreateResponseAsync(finding.Id);

        Task<HttpResponseMessage> summary;
        using (await slots.TakeAsync(Ct))
        {
            summary = admin.GetAsync($"/api/v1/forces/{CityOfLondon}/summary", Ct);
            // A list folds nothing: it is answered while the summary waits.
            var list = await admin.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?findingId={finding.Id}");
            Assert.Single(list.Items);
            Assert.NotSame(summary, await Task.WhenAny(summary, Task.Delay(TimeSpan.FromMilliseconds(500), Ct)));
        }

        var answered = await (await summary.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ReadAsync<ForceSummaryView>(HttpStatusCode.OK);
        Assert.Equal(1, answered.Totals.Total);
        Assert.Equal(1, slots.Free);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_statement_is_issued_while_every_slot_is_taken_as_its_write_must_not_hold_other_writers_back(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider, OneSlot);
        var admin = host.AdminClient();
        var slots = host.Services.GetRequiredService<CostlyRequestSlots>();
        var scenario = await ForceScenario.CreateAsync(host);
        var committee = await scenario.CreateCommitteeAsync(admin);
        var report = await ForceScenario.CreateReportAsync(admin, committee.Id, "PPRM 2016/01", ForceScenario.ReportDate);

        Task<HttpResponseMessage> preview;
        using (await slots.TakeAsync(Ct))
        {
            preview = admin.GetAsync($"/api/v1/committees/{committee.Id}/statement?asOf={ForceScenario.ReportDate:yyyy-MM-dd}", Ct);
            var issued = await ForceScenario.IssueAsync(admin, report.Id).WaitAsync(TimeSpan.FromSeconds(20), Ct);
            Assert.Equal(report.Id, issued.ReportId);
            Assert.False(preview.IsCompleted);
        }

        var previewed = await (await preview.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ReadAsync<PositionStatementView>(HttpStatusCode.OK);
        Assert.Equal(committee.Id, previewed.CommitteeId);
    }

    [Fact]
    public async Task An_instance_with_no_slot_for_costly_requests_refuses_to_start_naming_the_setting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await hosts.IsolatedHostFor(Provider.Sqlite, new Dictionary<string, string?> { ["CostlyRequests:MostAtOnce"] = "0" });
            host.AdminClient();
        });
        Assert.Contains("CostlyRequests:MostAtOnce must be 1 to 256", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_waiting_leaves_no_slot_taken()
    {
        await using var host = await hosts.IsolatedHostFor(Provider.Sqlite, OneSlot);
        var admin = host.AdminClient();
        var slots = host.Services.GetRequiredService<CostlyRequestSlots>();

        using (await slots.TakeAsync(Ct))
        {
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var waiting = admin.GetAsync($"/api/v1/forces/{CityOfLondon}/summary", giveUp.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        Assert.Equal(1, slots.Free);
        using var next = await admin.GetAsync($"/api/v1/forces/{CityOfLondon}/summary", Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(1, slots.Free);
    }
}
