using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ComplianceApi.Data;
using ComplianceApi.Data.Webhooks;
using ComplianceApi.Features;
using ComplianceApi.Features.Benchmarking;
using ComplianceApi.Http;
using ComplianceApi.Http.Contract;
using ComplianceApi.Operations;
using ComplianceApi.Pipeline;

// The backup verb's path is no setting: read as one, "/path" would take the next argument as its value.
var builder = WebApplication.CreateBuilder(args is ["backup", _, .. var settings] ? settings : args);
builder.WebHost.ConfigureKestrel(kestrel => RequestLimits.RaiseKestrelLimits(kestrel.Limits));
builder.Logging.AddJsonLogDetails();
builder.Services.AddBoundedShutdown(builder.Configuration);
builder.Services.AddServiceTelemetry(builder.Configuration);
builder.Services.AddServiceHealth();
builder.Services.AddCrossOrigin(builder.Configuration);
builder.Services.AddReverseProxy(builder.Configuration);

builder.Services.AddSingleton<TimeProvider>(new MicrosecondClock(TimeProvider.System));
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<Caller>();
builder.Services.AddSingleton<ApiKeyCache>();
builder.Services.AddSingleton<FirstPageCache>();
builder.Services.AddComplianceStorage(builder.Configuration, builder.Environment);
builder.Services.AddSingleton<DatabaseInitializer>();
builder.Services.AddMediation();
builder.Services.AddViewMapping();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsExceptionHandler.CompleteBareProblem);
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    // Strict input: a property the contract does not have, an enum as a number and text holding control
    // characters are refused with 400 naming the field, rather than ignored or stored.
    options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    options.SerializerOptions.Converters.Add(new PlainText());
    options.SerializerOptions.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RequiredBodyFields.RequireNonNullableValueTypes, AbsentWhenNull.LeaveOutNullReferences } };
});
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddComplianceAuthentication(builder.Configuration);
builder.Services.AddAuthorization(options => options.AddCompliancePolicies());
builder.Services.AddComplianceOpenApi();
builder.Services.AddClientRateLimiting();
builder.Services.AddWriteRequests(builder.Configuration);
builder.Services.AddEvidenceFiles(builder.Configuration);

// After authentication, which adds Data Protection's start-up key ring read that AddWebhooks takes out.
builder.Services.AddWebhooks(builder.Configuration);
if (BareResponseEndpoints.AreEnabled(builder.Configuration))
{
    builder.Services.AddSingleton<BareResponseBodies>();
}

var app = builder.Build();

app.UseReverseProxy(app.Configuration);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseResponseHeaders();
app.UseServiceHealth();
app.UseCrossOrigin(app.Configuration);
app.UseRequestLimits();

// The contract and its UI are public, so integrators can read them before they hold a key.
app.UseSwagger();
app.UseSwaggerUI(options => options.SwaggerEndpoint($"/swagger/{OpenApi.DocumentName}/swagger.json", "ComplianceApi v1"));
app.UseAuthentication();
app.UseClientRateLimiting();
app.UseAuthorization();
app.UseRestrictedReports();
app.UseStrictQueries();
app.UseWriteRequests();
app.MapGet("/", () => Results.Redirect("/swagger")).AllowAnonymous().ExcludeFromDescription();
app.MapComplianceApi();
if (BareResponseEndpoints.AreEnabled(app.Configuration))
{
    app.MapBareResponses();
}

if (args is ["backup", var destination, ..])
{
    Environment.ExitCode = await DatabaseBackup.RunAsync(app.Services, destination, Console.Out, Console.Error);
    return;
}

var initializer = app.Services.GetRequiredService<DatabaseInitializer>();
if (args is ["migrate", ..])
{
    await initializer.MigrateAsync(CancellationToken.None);
    return;
}

// The build runs this entry point to write openapi/compliance-api.json; it must not touch a database.
if (Assembly.GetEntryAssembly()?.GetName().Name != "GetDocument.Insider")
{
    await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);
}

await app.RunAsync();

/// <summary>The service's entry point; public so the tests can host it.</summary>
public partial class Program;
