using System.Diagnostics.Metrics;

namespace ComplianceApi.Support;

/// <summary>
/// The service's own measurements, beside the framework's (requests, database commands): what an operator
/// asks of it that no HTTP or SQL metric answers. Exported with the rest when telemetry is on; counting costs
/// next to nothing when nothing listens.
/// </summary>
public sealed class ServiceMetrics
{
    public const string MeterName = "ComplianceApi";

    private readonly Counter<long> _imports;
    private readonly Counter<long> _importRows;
    private readonly Counter<long> _statementsIssued;
    private readonly Counter<long> _firstPageLookups;
    private readonly Counter<long> _idempotentReplays;
    private readonly Counter<long> _webhookAttempts;

    public ServiceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _imports = meter.CreateCounter<long>("compliance.imports", "{import}", "Spreadsheet loads, by whether they were applied, a dry run or refused for rejected rows.");
        _importRows = meter.CreateCounter<long>("compliance.import.rows", "{row}", "Rows read by spreadsheet loads, by their outcome.");
        _statementsIssued = meter.CreateCounter<long>("compliance.statements.issued", "{statement}", "Position statements issued.");
        _firstPageLookups = meter.CreateCounter<long>("compliance.first_page_cache.lookups", "{lookup}", "First pages asked of the cache, by hit or miss.");
        _webhookAttempts = meter.CreateCounter<long>("compliance.webhook.deliveries", "{attempt}", "Webhook delivery attempts, by outcome: delivered, retry (failed, tried again later) or given_up.");
        _idempotentReplays = meter.CreateCounter<long>("compliance.idempotent.replays", "{request}", "Writes answered again from their stored outcome (Idempotent-Replayed).");
    }

    public void ImportFinished(bool dryRun, bool applied, IEnumerable<(string Outcome, int Rows)> rowsByOutcome)
    {
        _imports.Add(1, new KeyValuePair<string, object?>("outcome", dryRun ? "dry_run" : applied ? "applied" : "refused"));
        foreach (var (outcome, rows) in rowsByOutcome)
        {
            _importRows.Add(rows, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public void StatementIssued() => _statementsIssued.Add(1);

    public void FirstPageLookedUp(bool hit) => _firstPageLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void IdempotentReplay() => _idempotentReplays.Add(1);

    public void WebhookAttempted(string outcome) => _webhookAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
