using ComplianceApi.Cli.Common;

namespace ComplianceApi.Tests.Cli;

public sealed class ReadProgressStreamTests
{
    [Fact]
    public async Task It_reports_how_far_the_file_has_been_read_and_starts_again_when_the_sender_rewinds()
    {
        var reported = new List<long>();
        await using var stream = new ReadProgressStream(new MemoryStream(new byte[10_000]), reported.Add);
        var buffer = new byte[4_096];

        while (await stream.ReadAsync(buffer, TestContext.Current.CancellationToken) > 0)
        {
        }

        stream.Position = 0; // what a retried send does before reading the content again
        _ = stream.Read(buffer, 0, 100);

        Assert.Equal([4_096, 8_192, 10_000, 10_000, 0, 100], reported);
        Assert.Equal(10_000, stream.Length); // so the upload keeps its Content-Length
        Assert.True(stream.CanSeek);
    }
}
