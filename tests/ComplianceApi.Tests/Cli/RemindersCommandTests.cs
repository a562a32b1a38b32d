using ComplianceApi.Cli.Common;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Cli;

public sealed class RemindersCommandTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminders_are_a_table_by_owner_for_a_person_and_the_services_csv_for_a_script()
    {
        var host = hosts.Loopback();
        var owner = Unique.Slug("records-manager");
        var response = await host.AdminClient().CreateResponseAsync((await host.CreateFindingAsync()).Id, Response(Lancashire) with { OwnerName = owner });

        var table = await CliRunner.RunAsync(host, "reminders", "--within-days", "7", "--force-code", Lancashire);
        var csv = await CliRunner.RunAsync(host, "reminders", "--within-days", "7", "--force-code", Lancashire, "--format", "csv");
        var refused = await CliRunner.RunAsync(host, "reminders", "--output", "reminders.csv");

        Assert.True(table.ExitCode == ExitCodes.Success, table.ToString());
        var rows = table.Output.Split('\n').Where(l => l.Contains(response.Id.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Contains(owner, row, StringComparison.Ordinal));
        Assert.Contains("Overdue", rows[0], StringComparison.Ordinal);
        Assert.Contains("ReviewDue", rows[1], StringComparison.Ordinal);
        Assert.Contains("falling due within 7 days", table.Error, StringComparison.Ordinal);

        Assert.True(csv.ExitCode == ExitCodes.Success, csv.ToString());
        var served = await (await host.AdminClient().GetAsync($"/api/v1/reminders?withinDays=7&forceCode={Lancashire}&format=Csv", Ct)).Content.ReadAsStringAsync(Ct);
        // Other tests write to the same service meanwhile: this response's rows, and the header, are what is compared.
        static List<string> Ours(string document, string id) =>
            [.. document.Split("\r\n").Where((line, index) => index == 0 || line.Contains(id, StringComparison.Ordinal))];
        Assert.Equal(Ours(served, response.Id.ToString()), Ours(csv.Output, response.Id.ToString()));
        Assert.Equal(3, Ours(csv.Output, response.Id.ToString()).Count);
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
    }
}
