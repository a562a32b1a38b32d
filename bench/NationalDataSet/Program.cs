using ComplianceApi.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplianceApi.Bench;

// Generates the national data set into an empty database, which it first brings to the service's schema.
// The database is chosen by the service's own settings (Storage:DataFolder, or ConnectionStrings:Postgres),
// the size by NationalDataSet:* (see NationalDataSetSettings).
// Not top-level statements: the tests reference this project beside the service, and two global
// Program classes would collide.
internal static class GeneratorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Caller>();
        builder.Services.AddComplianceStorage(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<DatabaseInitializer>();
        using var app = builder.Build();

        await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var settings = builder.Configuration.GetSection(NationalDataSetSettings.Section).Get<NationalDataSetSettings>() ?? new NationalDataSetSettings();
        var generated = await NationalDataSet.GenerateIntoEmptyDatabaseAsync(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(), settings, CancellationToken.None);
        if (generated is null)
        {
            await Console.Error.WriteLineAsync("The database already holds inspections or action plans; the national data set is generated only into an empty one.");
            return 1;
        }

        Console.WriteLine($"National data set generated: {generated}");
        return 0;
    }
}
