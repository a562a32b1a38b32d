using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ComplianceApi.Data.Webhooks;

/// <summary>
/// Where receivers may be: a subscription's URL must name an allowed host (or an address in an allowed
/// network), and a delivery connects only to addresses inside the allowed networks, checked on the address
/// actually connected to after the name is resolved, so a name cannot be pointed elsewhere later.
/// </summary>
public sealed class WebhookTargets
{
    private readonly string[] _hosts;
    private readonly IPNetwork[] _networks;

    public WebhookTargets(IOptions<WebhookOptions> options)
    {
        _hosts = [.. (options.Value.AllowedHosts ?? []).Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0)];
        _networks = [.. (options.Value.AllowedNetworks ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => IPNetwork.Parse(n.Trim()))];
    }

    /// <summary>Why a URL may not be subscribed, or null when it may.</summary>
    public string? RefusalOf(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "The URL must be an absolute http or https URL.";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "The URL may hold neither credentials nor a fragment.";
        }

        var allowed = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address)
            ? IsAllowed(address)
            : _hosts.Any(h => HostMatches(h, uri.IdnHost.ToLowerInvariant()));
        return allowed
            ? null
            : $"The host '{uri.Host}' is not one receivers may be at: it must match Webhooks:AllowedHosts, or be an address in Webhooks:AllowedNetworks.";
    }

    public bool IsAllowed(IPAddress address)
    {
        var normal = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(n => n.Contains(normal));
    }

    /// <summary>
    /// Opens the connection of a delivery: resolves the name, keeps the addresses inside the allowed networks
    /// and connects to one of those, so what was checked is what is connected to.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var candidates = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = candidates.Where(IsAllowed).ToList();
        if (allowed.Count == 0)
        {
            throw new WebhookTargetRefusedException(
                $"'{endpoint.Host}' resolves to {string.Join(", ", candidates.Select(c => c.ToString()))}, none of them in Webhooks:AllowedNetworks; not connected.");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private static bool HostMatches(string allowed, string host) =>
        allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.Ordinal)
            : host == allowed;
}

/// <summary>A delivery's target resolved to no address receivers may be at.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);
