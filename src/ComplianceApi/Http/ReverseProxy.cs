using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ComplianceApi.Http;

/// <summary>
/// Behind a reverse proxy that ends TLS, the client's address and scheme arrive in X-Forwarded-For and
/// X-Forwarded-Proto. They are believed only from the proxies listed in <c>ForwardedHeaders:KnownProxies</c>
/// (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), as arrays or comma-separated values;
/// with neither set the headers are ignored, so a client cannot claim another address by sending them.
/// </summary>
public static class ReverseProxy
{
    public const string KnownProxiesSetting = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksSetting = "ForwardedHeaders:KnownNetworks";

    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Listed(configuration, KnownProxiesSetting);
        var networks = Listed(configuration, KnownNetworksSetting);
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return services;
        }

        var errors = proxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"{KnownProxiesSetting}: '{p}' is not an IP address.")
            .Concat(networks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)).Select(n => $"{KnownNetworksSetting}: '{n}' is not a CIDR range such as 10.0.0.0/8."))
            .ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the listed proxies: the framework's default (loopback) is replaced, not added to.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseReverseProxy(this IApplicationBuilder app, IConfiguration configuration) =>
        Listed(configuration, KnownProxiesSetting).Length > 0 || Listed(configuration, KnownNetworksSetting).Length > 0
            ? app.UseForwardedHeaders()
            : app;

    private static string[] Listed(IConfiguration configuration, string setting)
    {
        var section = configuration.GetSection(setting);
        var listed = section.Value is { Length: > 0 } single ? single.Split(',') : section.GetChildren().Select(child => child.Value ?? "");
        return [.. listed.Select(value => value.Trim()).Where(value => value.Length > 0)];
    }
}
