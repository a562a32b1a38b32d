using System.CommandLine;
using System.Globalization;
using ComplianceApi.Cli.Common;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Commands;

/// <summary>
/// <c>compliance keys list|create|revoke</c>: the client applications' API keys, for national admins.
/// A new key's secret goes to stdout alone, so that <c>compliance keys create ... &gt; key.txt</c> or a
/// pipe to a secret store captures exactly the secret; everything said about it goes to stderr.
/// </summary>
public static class KeysCommand
{
    private const int PageSize = 200;

    public static Command Create(CliSession session) =>
        new("keys", "Manage API keys (needs a national Admin key)")
        {
            List(session),
            Issue(session),
            Revoke(session),
        };

    private static Command List(CliSession session)
    {
        var includeRevoked = new Option<bool>("--include-revoked") { Description = "Show revoked keys too (they are kept for audit)" };
        var forceCode = new Option<string?>("--force-code") { Description = "Only the keys scoped to this force", HelpName = "code" };
        var command = new Command("list", "List the keys: client, role, scope, the secret's first characters, when issued and revoked")
        {
            includeRevoked, forceCode,
        };
        command.SetAction((parse, cancellationToken) => session.RunAgainstServiceAsync(parse, async (connection, ct) =>
        {
            var keys = connection.Create((options, http) => new ApiKeysClient(options, http));
            var table = new Table()
                .AddColumn("Id").AddColumn("Client").AddColumn("Role").AddColumn("Force").AddColumn("Hint").AddColumn("Issued").AddColumn("Revoked");
            string? cursor = null;
            do
            {
                var page = await keys.ListApiKeysAsync(parse.GetValue(includeRevoked), parse.GetValue(forceCode), PageSize, cursor, ct);
                foreach (var key in page.Items)
                {
                    table.AddRow(
                        new Text(key.Id.ToString()),
                        new Text(key.ClientName),
                        new Text(key.Role.ToString()),
                        new Text(key.ForceCode ?? "national"),
                        new Text(key.Hint + "…"),
                        new Text(Timestamp(key.CreatedAt)),
                        new Text(key.RevokedAt is { } revoked ? Timestamp(revoked) : ""));
                }

                cursor = page.NextCursor;
            }
            while (cursor is not null);

            session.Output.Write(table);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Issue(CliSession session)
    {
        var clientName = new Option<string>("--client-name")
        {
            Description = "The application the key is for, and who runs it, such as \"Lancashire compliance tracker\"",
            HelpName = "name",
            Required = true,
        };
        var role = new Option<ApiKeyRole>("--role") { Description = "Reader, Editor or Admin (Admin only for a national key)", Required = true };
        var forceCode = new Option<string?>("--force-code")
        {
            Description = "The one force the key may see and change [default: a national key]",
            HelpName = "code",
        };
        var command = new Command("create", "Issue a key; its secret is printed once, to stdout, and can never be shown again")
        {
            clientName, role, forceCode,
        };
        command.SetAction((parse, cancellationToken) => session.RunAgainstServiceAsync(parse, async (connection, ct) =>
        {
            var keys = connection.Create((options, http) => new ApiKeysClient(options, http));
            var request = new ApiKeyRequest
            {
                ClientName = parse.GetValue(clientName)!,
                Role = parse.GetValue(role),
                ForceCode = parse.GetValue(forceCode),
            };
            // One key for the write and all its attempts: a retry after a lost answer is answered with the
            // key issued the first time (the same secret), never a second key.
            var idempotencyKey = WriteRetries.NewKey();
            var issued = await WriteRetries.SendAsync(session.Error, "Issuing the key",
                (_, attemptCt) => keys.CreateApiKeyAsync(request, idempotencyKey: idempotencyKey, cancellationToken: attemptCt), ct);

            await session.OutputText.WriteLineAsync(issued.Secret);
            await session.OutputText.FlushAsync(ct);
            session.Error.WriteLine(
                $"Issued key {issued.Id} ({issued.Hint}…) to \"{issued.ClientName}\": {issued.Role}, {(issued.ForceCode is { } force ? $"force {force}" : "national")}. "
                + "The secret was printed once, to stdout; store it now: the service keeps only its hash.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Revoke(CliSession session)
    {
        var id = new Argument<Guid?>("id") { Description = "The key's id (see keys list)", Arity = ArgumentArity.ExactlyOne, CustomParser = Values.Id };
        var command = new Command("revoke", "Revoke a key at once; the record is kept for audit") { id };
        command.SetAction((parse, cancellationToken) => session.RunAgainstServiceAsync(parse, async (connection, ct) =>
        {
            var keys = connection.Create((options, http) => new ApiKeysClient(options, http));
            var keyId = parse.GetValue(id)!.Value;
            // A revocation is idempotent in effect: when a retry finds the key already revoked (409), its first
            // attempt was written and its answer lost, or someone else revoked it; either way it is revoked.
            await WriteRetries.SendAsync(session.Error, $"Revoking key {keyId}", async (attempt, attemptCt) =>
            {
                try
                {
                    await keys.RevokeApiKeyAsync(keyId, attemptCt);
                }
                catch (ComplianceApiException refused) when (attempt > 1 && refused.StatusCode == 409)
                {
                    if ((await keys.GetApiKeyAsync(keyId, attemptCt)).RevokedAt is null)
                    {
                        throw;
                    }
                }

                return keyId;
            }, ct);
            session.Error.WriteLine($"Revoked key {keyId}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
