namespace ComplianceApi.Operations;

/// <summary>
/// On SIGTERM the host stops taking connections, lets requests in flight finish and stops background work,
/// for at most <c>Shutdown:TimeoutSeconds</c> (default 25: inside the 30 s an orchestrator such as Kubernetes
/// waits before SIGKILL); what is still running then is cancelled, and its transaction rolls back.
/// </summary>
public static class Shutdown
{
    public const string TimeoutSetting = "Shutdown:TimeoutSeconds";

    public const int LongestTimeoutSeconds = 300;

    public static IServiceCollection AddBoundedShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue(TimeoutSetting, 25);
        if (seconds is < 1 or > LongestTimeoutSeconds)
        {
            throw new InvalidOperationException($"{TimeoutSetting} must be 1 to {LongestTimeoutSeconds}; it is {seconds}.");
        }

        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(seconds));
        return services;
    }
}
