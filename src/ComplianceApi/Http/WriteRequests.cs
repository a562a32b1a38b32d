using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplianceApi.Data;
using ComplianceApi.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceApi.Http;

/// <summary>
/// Runs each write in one transaction that this edge owns, so what must happen with the write happens in
/// it too: an If-Match condition is checked under a lock on the record, an Idempotency-Key's outcome is
/// stored with the change, and the answer leaves only after the commit (a client is never told 201 about a
/// write that then failed to commit). The handlers' own transaction behaviour joins this one.
/// </summary>
public sealed class WriteRequests(RequestDelegate next, IdempotencyClaims claims, TimeProvider clock, IOptions<JsonOptions> json, IOptions<WriteOptions> options)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context, Caller caller, IMediator mediator)
    {
        if (context.GetEndpoint() is not { } endpoint || !IsWrite(context.Request.Method, endpoint))
        {
            await next(context);
            return;
        }

        // Resolved here, not as a parameter: a read answered from the cache then builds no context.
        var db = context.RequestServices.GetRequiredService<ComplianceDbContext>();

        var condition = endpoint.Metadata.GetMetadata<ConditionalWrite>();
        var ifMatch = Present(context.Request.Headers.IfMatch);
        if (condition is not null && ifMatch.Length == 0 && options.Value.RequireIfMatch)
        {
            throw new PreconditionRequiredException();
        }

        var key = HttpMethods.IsPost(context.Request.Method) ? IdempotencyKeys.Parse(context.Request.Headers[IdempotencyKeyHeader]) : null;
        if (key is not null && CallerSecret(context) is null && endpoint.Metadata.GetMetadata<AnswerHoldsSecret>() is not null)
        {
            // The stored answer would hold a secret, and a token caller has no lasting secret of its own to seal it with.
            throw Invalid.Field(IdempotencyKeyHeader,
                "This operation's answer holds a secret, which is kept for a retry only sealed with the caller's API key; call it with an API key to send an Idempotency-Key, or without the key.");
        }

        var client = caller.Client.Id;
        if (key is not null && !claims.TryClaim(client, key))
        {
            throw new IdempotencyKeyInUseException();
        }

        // A streamed upload is hashed as the handler reads it, so its body comes off the connection once; any
        // other body is buffered (small, and read by binding) and hashed before the handler runs.
        using var hashing = key is null ? null : new RequestFingerprint(context.Request);
        try
        {
            var fingerprint = hashing is null ? null
                : endpoint.Metadata.GetMetadata<StreamedFileUpload>() is not null ? hashing.HashWhileRead()
                : await hashing.OfBufferedBodyAsync(context.RequestAborted);
            await using var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted);
            if (key is not null)
            {
                if (!await db.TryLockAsync(client, key, context.RequestAborted))
                {
                    throw new IdempotencyKeyInUseException();
                }

                // An outcome past its keeping period is forgotten here, so the key can be used afresh before the
                // purge runs; it is read with the rest, so a key seen for the first time costs one statement.
                var now = clock.GetUtcNow();
                if (await db.FindAsync(client, key, context.RequestAborted) is { } stored)
                {
                    if (stored.ExpiresAt > now)
                    {
                        fingerprint ??= await hashing!.OfRestAsync(context.RequestAborted);
                        if (stored.Fingerprint != fingerprint)
                        {
                            throw new IdempotencyKeyReusedException(stored.Request);
                        }

                        await ReplayAsync(context, stored, StoredAnswers.Open(stored.Body, CallerSecret(context), key));
                        return;
                    }

                    await db.ForgetExpiredAsync(client, key, now, context.RequestAborted);
                }
            }

            if (condition is not null && ifMatch.Length > 0)
            {
                await EnsureConditionHoldsAsync(context, db, mediator, condition, ifMatch);
            }

            var answer = context.Response.Body;
            await using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
                if (context.Response.StatusCode < StatusCodes.Status400BadRequest)
                {
                    if (key is not null)
                    {
                        // What the handler tracked and did not save was never meant to be written (a dry-run load's rows).
                        db.ChangeTracker.Clear();
                        fingerprint ??= await hashing!.OfRestAsync(context.RequestAborted);
                        db.IdempotencyRecords.Add(Outcome(context, client, key, fingerprint, StoredAnswers.Seal(buffer.ToArray(), CallerSecret(context), key)));
                        await db.SaveChangesAsync(context.RequestAborted);
                    }

                    await transaction.CommitAsync(context.RequestAborted);
                }
            }
            finally
            {
                context.Response.Body = answer;
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(answer, context.RequestAborted);
        }
        finally
        {
            if (key is not null)
            {
                claims.Release(client, key);
            }
        }
    }

    /// <summary>
    /// The header's values, where an empty one counts as none: NSwag's TypeScript client sends an optional
    /// header it was not given as an empty value.
    /// </summary>
    private static string?[] Present(Microsoft.Extensions.Primitives.StringValues header) =>
        header.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray();

    private static string? CallerSecret(HttpContext context) =>
        context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].FirstOrDefault();

    /// <summary>A request that changes data: an unsafe method on an endpoint only editors or admins may call.</summary>
    private static bool IsWrite(string method, Endpoint endpoint) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        && endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is Policies.Edit or Policies.Administer);

    private async Task EnsureConditionHoldsAsync(HttpContext context, ComplianceDbContext db, IMediator mediator, ConditionalWrite condition, string?[] ifMatch)
    {
        var key = context.Request.RouteValues[condition.RouteKey] as string
            ?? throw new InvalidOperationException($"The route has no '{condition.RouteKey}' value to make the write conditional on.");
        await db.LockRowAsync(condition.Entity, key, context.RequestAborted);
        var current = await condition.ReadCurrent(key, mediator, context.RequestAborted);
        var tag = EntityTags.Tag(current, json.Value.SerializerOptions);
        if (!EntityTags.IfMatchAllows(ifMatch, tag))
        {
            throw new PreconditionFailedException(tag);
        }
    }

    private IdempotencyRecord Outcome(HttpContext context, string client, string key, string fingerprint, byte[] body)
    {
        var now = clock.GetUtcNow();
        var response = context.Response;
        return new IdempotencyRecord(client, key, fingerprint, $"{context.Request.Method} {context.Request.Path}", response.StatusCode,
            response.ContentType, response.Headers.Location.FirstOrDefault(), response.Headers.ETag.FirstOrDefault(), body, now, now + options.Value.KeepIdempotencyKeysFor);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord stored, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = stored.Status;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }

        if (stored.ETag is not null)
        {
            response.Headers.ETag = stored.ETag;
        }

        response.Headers[ReplayedHeader] = "true";
        context.RequestServices.GetRequiredService<ServiceMetrics>().IdempotentReplay();
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}

/// <summary>
/// Stored answers are sealed (AES-GCM) with a key derived from the caller's own API key secret, which the
/// service never keeps (it stores only the secret's hash): a copy of the database cannot read them. The answer
/// to CreateApiKey holds the new key's secret, and a replay must give it back to the caller who lost it.
/// A caller with a bearer token has no lasting secret to derive a key from (each token lives an hour), so its
/// answers are stored plain: a token admin's CreateApiKey with an Idempotency-Key leaves the new secret
/// readable in IdempotencyRecords until the record is purged.
/// </summary>
public static class StoredAnswers
{
    private const byte Plain = 0;
    private const byte Sealed = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;

    public static byte[] Seal(byte[] body, string? secret, string idempotencyKey)
    {
        if (secret is null)
        {
            return [Plain, .. body];
        }

        var sealedBody = new byte[1 + NonceLength + TagLength + body.Length];
        sealedBody[0] = Sealed;
        var nonce = sealedBody.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(KeyFor(secret, idempotencyKey), TagLength);
        aes.Encrypt(nonce, body, sealedBody.AsSpan(1 + NonceLength + TagLength), sealedBody.AsSpan(1 + NonceLength, TagLength));
        return sealedBody;
    }

    public static byte[] Open(byte[] stored, string? secret, string idempotencyKey)
    {
        if (stored[0] == Plain)
        {
            return stored[1..];
        }

        // The outcome is scoped to the key's id, and a key's secret never changes: only the one who sealed it can open it.
        var body = new byte[stored.Length - 1 - NonceLength - TagLength];
        using var aes = new AesGcm(KeyFor(secret ?? "", idempotencyKey), TagLength);
        aes.Decrypt(stored.AsSpan(1, NonceLength), stored.AsSpan(1 + NonceLength + TagLength), stored.AsSpan(1 + NonceLength, TagLength), body);
        return body;
    }

    private static byte[] KeyFor(string secret, string idempotencyKey) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("ComplianceApi stored answer\n" + idempotencyKey));
}

/// <summary>Marks an operation whose answer holds a secret (a new API key's): it is stored for a retry only sealed.</summary>
public sealed record AnswerHoldsSecret;

/// <summary><c>Concurrency:RequireIfMatch</c> and <c>Idempotency:KeepFor</c>.</summary>
public sealed class WriteOptions
{
    /// <summary>When true, a write to an existing record without If-Match is refused with 428.</summary>
    public bool RequireIfMatch { get; set; }

    /// <summary>How long an Idempotency-Key's outcome is kept and answered again; then it is purged.</summary>
    public TimeSpan KeepIdempotencyKeysFor { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Keys being processed by this instance: a second request with the same key is answered 409 at once rather
/// than waiting for the first's transaction. Across instances, the database's lock does the same
/// (<see cref="Data.IdempotencyRecords.TryLockAsync"/>).
/// </summary>
public sealed class IdempotencyClaims
{
    private readonly ConcurrentDictionary<(string Client, string Key), byte> _running = new();

    public bool TryClaim(string client, string key) => _running.TryAdd((client, key), 0);

    public void Release(string client, string key) => _running.TryRemove((client, key), out _);
}

public static class IdempotencyKeys
{
    /// <summary>
    /// The key, from the header as the draft's structured-field string (<c>"..."</c>) or bare; null without
    /// one. A key that is empty, too long, repeated or holds characters outside printable ASCII is refused.
    /// </summary>
    public static string? Parse(Microsoft.Extensions.Primitives.StringValues header)
    {
        // An empty header counts as none: NSwag's TypeScript client sends an optional header it was not given as "".
        var values = header.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var value = values.Count == 1 ? values[0]!.Trim() : null;
        if (value is { Length: >= 2 } && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        if (string.IsNullOrEmpty(value) || value.Length > IdempotencyRecords.MostKeyLength || value.Any(c => c is < ' ' or > '~' or '"' or '\\'))
        {
            throw Invalid.Field(WriteRequests.IdempotencyKeyHeader,
                string.Create(CultureInfo.InvariantCulture, $"Send one key of 1 to {IdempotencyRecords.MostKeyLength} printable ASCII characters, such as a UUID, quoted or bare."));
        }

        return value;
    }

    public static IApplicationBuilder UseWriteRequests(this IApplicationBuilder app) => app.UseMiddleware<WriteRequests>();

    public static IServiceCollection AddWriteRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IdempotencyClaims>();
        services.Configure<WriteOptions>(options =>
        {
            options.RequireIfMatch = configuration.GetValue("Concurrency:RequireIfMatch", false);
            options.KeepIdempotencyKeysFor = configuration.GetValue("Idempotency:KeepFor", TimeSpan.FromHours(24));
        });
        services.AddHostedService<IdempotencyPurge>();
        return services;
    }
}
