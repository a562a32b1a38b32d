using ComplianceApi.Support;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ComplianceApi.Operations;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core (requests, Kestrel), outgoing HttpClient calls, EF Core's
/// commands (spans) and its meter, the runtime's meter and the service's own (<see cref="ServiceMetrics"/>).
/// Collected and exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, configured by the
/// standard <c>OTEL_*</c> variables; otherwise nothing is collected and requests pay nothing for it.
/// </summary>
public static class Telemetry
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddServiceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ServiceMetrics>();
        if (string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "compliance-api"))
            .WithTracing(tracing => tracing
                // Probes every few seconds would bury the requests in traces.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !HealthEndpoints.IsHealthPath(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", "System.Runtime", ServiceMetrics.MeterName))
            .WithLogging()
            .UseOtlpExporter();
        return services;
    }
}
