using System.Net;
using System.Net.Sockets;
using System.Text;
using ComplianceApi.Http;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Tests.Http;

/// <summary>
/// Refusals made before any operation runs (routing, the body's type and size, the URL and header limits)
/// are problem documents whose detail says what to change. The URL and header limits are tested through a
/// real Kestrel socket: the in-memory test server has none of Kestrel's limits.
/// </summary>
public sealed class RefusalProblemsTests(TestHosts hosts)
{
    [Fact]
    public async Task A_path_the_service_does_not_have_is_a_404_problem_pointing_at_the_contract()
    {
        var admin = (await hosts.For(Provider.Sqlite)).AdminClient();

        var problem = await (await admin.GetAsync("/api/v1/inspektions", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("/api/v1/inspektions", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("swagger.json", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_the_path_does_not_take_is_a_405_problem_naming_the_methods_it_does()
    {
        var admin = (await hosts.For(Provider.Sqlite)).AdminClient();

        var response = await admin.DeleteAsync("/api/v1/forces", TestContext.Current.CancellationToken);
        var problem = await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed);

        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order().ToArray());
        Assert.Contains("DELETE", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("GET, POST", problem.Detail, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_body_that_is_not_json_is_a_415_problem_naming_the_type_the_operation_takes_and_nothing_is_stored(Provider provider)
    {
        var host = await hosts.For(provider);
        var reference = Unique.Slug("building-the-picture");

        var response = await host.AdminClient().PostAsync("/api/v1/inspections",
            new StringContent($"reference={reference}", Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("application/json", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("application/x-www-form-urlencoded", problem.Detail, StringComparison.Ordinal);
        await host.WithDatabaseAsync(async db =>
            Assert.False(await db.Inspections.AnyAsync(i => i.Reference == reference, TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_body_is_told_the_operation_needs_a_json_body(string body)
    {
        var admin = (await hosts.For(Provider.Sqlite)).AdminClient();

        var problem = await (await admin.PostAsync("/api/v1/inspections", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("JSON", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_giving_the_limit()
    {
        var host = hosts.Loopback();

        var (status, headers, body) = await RawAsync(host.ServerAddress,
            $"POST /api/v1/forces HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {ComplianceApiHost.AdminKey}\r\nContent-Type: application/json\r\nContent-Length: 40000000\r\n\r\n{{\"code\":\"");

        Assert.Equal(413, status);
        Assert.Contains("application/problem+json", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("30,000,000 bytes", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_over_the_services_limit_is_a_414_problem_giving_the_limit()
    {
        var client = LoopbackClient();

        var response = await client.GetAsync($"/api/v1/forces?pad={new string('a', RequestLimits.MostUrlBytes)}", TestContext.Current.CancellationToken);
        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestUriTooLong);

        Assert.Contains("8,192", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_just_within_the_limit_is_answered()
    {
        var client = LoopbackClient();
        var path = "/api/v1/forces?pad=";

        var response = await client.GetAsync(path + new string('a', RequestLimits.MostUrlBytes - path.Length), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Headers_over_the_services_limit_are_a_431_problem_giving_the_limit()
    {
        var client = LoopbackClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/forces");
        request.Headers.Add("X-Trace-Note", new string('a', RequestLimits.MostHeaderBytes));

        var problem = await (await client.SendAsync(request, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);

        Assert.Contains("32,768", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_header_fields_than_the_service_takes_are_a_431_problem()
    {
        var client = LoopbackClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/forces");
        for (var i = 0; i < RequestLimits.MostHeaders; i++)
        {
            request.Headers.Add($"X-Note-{i}", "a");
        }

        var problem = await (await client.SendAsync(request, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);

        Assert.Contains($"at most {RequestLimits.MostHeaders} fields", problem.Detail, StringComparison.Ordinal);
    }

    private HttpClient LoopbackClient()
    {
        var host = hosts.Loopback();
        var client = new HttpClient { BaseAddress = host.ServerAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);
        return client;
    }

    /// <summary>Sends a request as written, for what HttpClient will not send (a body shorter than its Content-Length).</summary>
    private static async Task<(int Status, string Headers, string Body)> RawAsync(Uri server, string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port, TestContext.Current.CancellationToken);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync(TestContext.Current.CancellationToken) ?? "";
        var headers = new StringBuilder();
        int? length = null;
        var chunked = false;
        for (var line = await reader.ReadLineAsync(TestContext.Current.CancellationToken); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync(TestContext.Current.CancellationToken))
        {
            headers.AppendLine(line);
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }

            chunked |= line.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
        }

        var body = new StringBuilder();
        if (chunked)
        {
            for (var size = Convert.ToInt32(await reader.ReadLineAsync(TestContext.Current.CancellationToken), 16); size > 0; size = Convert.ToInt32(await reader.ReadLineAsync(TestContext.Current.CancellationToken), 16))
            {
                var chunk = new char[size];
                await reader.ReadBlockAsync(chunk, TestContext.Current.CancellationToken);
                body.Append(chunk);
                await reader.ReadLineAsync(TestContext.Current.CancellationToken);
            }
        }
        else if (length is > 0)
        {
            var all = new char[length.Value];
            await reader.ReadBlockAsync(all, TestContext.Current.CancellationToken);
            body.Append(all);
        }

        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers.ToString(), body.ToString());
    }
}
