using System.Text.Json;
using ComplianceApi.Cli.Common;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Cli;

public sealed class ChangesCommandTests(TestHosts hosts) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("compliance-cli-changes-");

    [Fact]
    public async Task Changes_print_a_line_each_once_and_a_cursor_file_carries_the_place_to_the_next_run()
    {
        var host = hosts.Loopback();
        var admin = host.AdminClient();
        var cursorFile = Path.Combine(_folder.FullName, "cursor");
        var caughtUp = await CliRunner.RunAsync(host, "changes", "--kinds", "inspection.created", "--format", "jsonl", "--cursor-file", cursorFile);
        var first = await admin.CreateInspectionAsync();
        var second = await admin.CreateInspectionAsync();

        var next = await CliRunner.RunAsync(host, "changes", "--kinds", "inspection.created", "--format", "jsonl", "--cursor-file", cursorFile);
        var again = await CliRunner.RunAsync(host, "changes", "--kinds", "inspection.created", "--format", "jsonl", "--cursor-file", cursorFile);
        var firstCursor = next.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .First(l => l.GetProperty("recordId").GetString() == first.Id.ToString()).GetProperty("cursor").GetString()!;
        var table = await CliRunner.RunAsync(host, "changes", "--kinds", "inspection.created", "--after", firstCursor);

        Assert.True(caughtUp.ExitCode == ExitCodes.Success, caughtUp.ToString());
        Assert.True(next.ExitCode == ExitCodes.Success, next.ToString());
        var lines = next.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var ours = lines.Where(l => l.GetProperty("recordId").GetString() is { } id && (id == first.Id.ToString() || id == second.Id.ToString())).ToList();
        Assert.Equal([first.Id.ToString(), second.Id.ToString()], ours.Select(l => l.GetProperty("recordId").GetString()));
        Assert.All(lines, l => Assert.Equal("inspection.created", l.GetProperty("kind").GetString()));
        Assert.DoesNotContain(first.Id.ToString(), again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Id.ToString(), again.Output, StringComparison.Ordinal);
        Assert.Contains(second.Id.ToString(), table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Id.ToString(), table.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
