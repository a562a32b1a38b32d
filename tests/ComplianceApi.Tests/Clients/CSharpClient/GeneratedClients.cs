using System.Runtime.CompilerServices;
using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Clients.CSharpClient;

/// <summary>How the generated client reaches the service.</summary>
public enum Transport
{
    /// <summary>A plain HttpClient over a real socket to the service on Kestrel at 127.0.0.1, as another force's system calls it.</summary>
    Loopback,

    /// <summary>The in-memory test server's HttpClient.</summary>
    TestServer,
}

/// <summary>
/// Every generated client for one caller (one API key) over one transport. Callers with different keys
/// share one HttpClient per service, as they would with IHttpClientFactory: the key lives in the
/// client options, never on the HttpClient.
/// </summary>
public sealed class GeneratedClients
{
    private static readonly ConditionalWeakTable<ComplianceApiHost, HttpClient> SharedHttpClients = new();

    private GeneratedClients(ComplianceApiHost host, HttpClient http, string apiKey)
    {
        Host = host;
        Http = http;
        var options = new ComplianceApiClientOptions { ApiKey = apiKey };
        Forces = new ForcesClient(options, http);
        Inspections = new InspectionsClient(options, http);
        Findings = new FindingsClient(options, http);
        Responses = new ResponsesClient(options, http);
        ActionPlans = new ActionPlansClient(options, http);
        Evidence = new EvidenceClient(options, http);
        Gradings = new GradingsClient(options, http);
        ApiKeys = new ApiKeysClient(options, http);
        Audit = new AuditClient(options, http);
        Changes = new ChangesClient(options, http);
        Reminders = new RemindersClient(options, http);
        Webhooks = new WebhooksClient(options, http);
        ReportResponses = new ReportResponsesClient(options, http);
        InspectorateAssessments = new InspectorateAssessmentsClient(options, http);
        Public = new PublicClient(options, http);
        Summaries = new SummariesClient(options, http);
    }

    public static TheoryData<Transport> Transports => new(Transport.Loopback, Transport.TestServer);

    /// <summary>The test's cancellation token, passed to every call as a client passes its own.</summary>
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ComplianceApiHost Host { get; }

    /// <summary>The HttpClient every caller on this transport shares; its BaseAddress is the service's.</summary>
    public HttpClient Http { get; }

    public IForcesClient Forces { get; }

    public IInspectionsClient Inspections { get; }

    public IFindingsClient Findings { get; }

    public IResponsesClient Responses { get; }

    public IActionPlansClient ActionPlans { get; }

    public IEvidenceClient Evidence { get; }

    public IGradingsClient Gradings { get; }

    public IApiKeysClient ApiKeys { get; }

    public IAuditClient Audit { get; }

    public IChangesClient Changes { get; }

    public IRemindersClient Reminders { get; }

    public IWebhooksClient Webhooks { get; }

    public IReportResponsesClient ReportResponses { get; }

    public IInspectorateAssessmentsClient InspectorateAssessments { get; }

    public IPublicClient Public { get; }

    public ISummariesClient Summaries { get; }

    /// <summary>The clients of the national admin whose key the service was started with.</summary>
    public static async Task<GeneratedClients> AdminAsync(TestHosts hosts, Transport transport)
    {
        var host = transport switch
        {
            Transport.Loopback => hosts.Loopback(),
            Transport.TestServer => await hosts.For(Provider.Sqlite),
            _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
        };
        var http = SharedHttpClients.GetValue(host, h => transport == Transport.Loopback
            ? new HttpClient { BaseAddress = h.ServerAddress }
            : h.CreateClient());
        return new GeneratedClients(host, http, ComplianceApiHost.AdminKey);
    }

    /// <summary>
    /// The national admin's clients on the in-memory server of a provider's service, for what must hold on
    /// SQLite and PostgreSQL alike; a test on PostgreSQL is skipped, with the reason, where none can run.
    /// </summary>
    public static async Task<GeneratedClients> AdminAsync(TestHosts hosts, Provider provider)
    {
        var host = await hosts.For(provider);
        return new GeneratedClients(host, SharedHttpClients.GetValue(host, h => h.CreateClient()), ComplianceApiHost.AdminKey);
    }

    /// <summary>The same service and transport, called with another key.</summary>
    public GeneratedClients WithKey(string apiKey) => new(Host, Http, apiKey);

    /// <summary>Issues a key through the generated ApiKeysClient (these clients must be a national admin's) and returns the clients using it.</summary>
    public async Task<GeneratedClients> IssueKeyAsync(ApiKeyRole role, string? forceCode = null)
    {
        var issued = await ApiKeys.CreateApiKeyAsync(
            new ApiKeyRequest { ClientName = $"C# client test, {forceCode ?? "national"} {role}", Role = role, ForceCode = forceCode }, cancellationToken: Ct);
        return WithKey(issued.Secret);
    }

    /// <summary>Follows nextCursor from the first page to the last, checking every page carries the same total.</summary>
    public static async Task<List<T>> ReadAllPagesAsync<T>(Func<string?, Task<(ICollection<T> Items, int TotalCount, string? NextCursor)>> page)
    {
        var all = new List<T>();
        string? cursor = null;
        int? total = null;
        do
        {
            var (items, totalCount, next) = await page(cursor);
            Assert.Equal(total ?? totalCount, totalCount);
            total = totalCount;
            all.AddRange(items);
            cursor = next;
        }
        while (cursor is not null);

        Assert.Equal(total, all.Count);
        return all;
    }
}
