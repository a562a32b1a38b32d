using System.Diagnostics;
using System.Net;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ComplianceApi.Tests.Operations;

public sealed class TelemetryTests
{
    [Fact]
    public async Task With_an_OTLP_endpoint_requests_database_commands_and_the_service_meter_are_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("compliance-telemetry-");
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        try
        {
            // Nothing listens at the endpoint: the OTLP exporter fails quietly, and the in-memory exporters
            // added here see what it would have sent.
            await using var configured = new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = folder.FullName,
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
            });
            await using var host = configured.WithWebHostBuilder(web => web.ConfigureServices(services => services
                .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))
                .ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics))));
            var admin = host.CreateClient();
            admin.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);

            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/forces/bedfordshire/summary", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/forces/bedfordshire/summary", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/health/ready", ct)).StatusCode);
            host.Services.GetRequiredService<TracerProvider>().ForceFlush();
            host.Services.GetRequiredService<MeterProvider>().ForceFlush();

            List<Activity> recorded;
            lock (spans)
            {
                recorded = [.. spans];
            }

            var request = recorded.First(s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/api/v1/forces/bedfordshire/summary");
            Assert.Equal(200, request.GetTagItem("http.response.status_code"));
            Assert.Contains(recorded, s => s.Kind == ActivityKind.Client && s.TraceId == request.TraceId && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
            Assert.DoesNotContain(recorded, s => s.GetTagItem("url.path") as string == "/health/ready");

            Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
            var lookups = metrics.Last(m => m.Name == "compliance.first_page_cache.lookups" && m.MeterName == ServiceMetrics.MeterName);
            Assert.Contains(lookups.MetricPoints, p => Tag(p, "result") == "miss" && p.GetSumLong() >= 1);
            Assert.Contains(lookups.MetricPoints, p => Tag(p, "result") == "hit" && p.GetSumLong() >= 1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_nothing_is_collected()
    {
        var folder = Directory.CreateTempSubdirectory("compliance-telemetry-");
        try
        {
            await using var host = new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?> { ["Storage:DataFolder"] = folder.FullName });
            _ = host.Server;

            Assert.Null(host.Services.GetService<TracerProvider>());
            Assert.Null(host.Services.GetService<MeterProvider>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static string? Tag(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
