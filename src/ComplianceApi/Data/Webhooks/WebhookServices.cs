using Microsoft.AspNetCore.DataProtection;

namespace ComplianceApi.Data.Webhooks;

public static class WebhookServices
{
    /// <summary>
    /// The <c>Webhooks</c> settings, the allow-list of receivers, the signing secrets' protection (Data
    /// Protection keys kept in the database, one application name for every instance) and the dispatcher.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddDataProtection().SetApplicationName("ComplianceApi").PersistKeysToDbContext<ComplianceDbContext>();

        // Data Protection reads its key ring when the host starts; the build starts the host, with no
        // database, to write the contract. Unloaded, the ring is read when a secret is first protected.
        foreach (var preload in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
        {
            services.Remove(preload);
        }

        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
