using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplianceApi.Support;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ComplianceApi.Http;

/// <summary>
/// Strong entity tags (RFC 9110) for views of one record. A tag is a hash of the representation itself (the
/// view's JSON without its own <c>etag</c> member, and its media type), so it changes exactly when the
/// representation would: when the record or what its derived fields read changes (its finding's due date,
/// its evidence), and when the date its flags are judged on moves. No version column can miss a dependency.
/// </summary>
public static class EntityTags
{
    /// <summary>The representation tagged: views are answered as JSON only.</summary>
    public const string MediaType = "application/json";

    /// <summary>Computes the view's tag, writes it into the view's <c>etag</c> member and returns it.</summary>
    public static string Tag(ITaggedView view, JsonSerializerOptions json)
    {
        view.Etag = null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(view, view.GetType(), json));
        hash.AppendData(Encoding.ASCII.GetBytes("\n" + MediaType));
        var tag = $"\"{Convert.ToBase64String(hash.GetHashAndReset().AsSpan(0, 18)).Replace('+', '-').Replace('/', '_')}\"";
        view.Etag = tag;
        return tag;
    }

    /// <summary>If-Match: strong comparison against the current tag; <c>*</c> matches any current representation.</summary>
    public static bool IfMatchAllows(IReadOnlyList<string?> ifMatch, string currentTag) =>
        EntityTagHeaderValue.TryParseList(ifMatch.OfType<string>().ToList(), out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && t.Tag.Equals(currentTag, StringComparison.Ordinal)));

    /// <summary>If-None-Match: weak comparison, as RFC 9110 asks for a GET.</summary>
    public static bool IfNoneMatchHits(IReadOnlyList<string?> ifNoneMatch, string currentTag) =>
        EntityTagHeaderValue.TryParseList(ifNoneMatch.OfType<string>().ToList(), out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(currentTag, StringComparison.Ordinal));

    /// <summary>
    /// Tags every view of one record an endpoint of the group answers (a read, or a write answering the record),
    /// in the ETag header and the view's <c>etag</c>; answers a GET whose If-None-Match holds the tag with 304.
    /// </summary>
    public static RouteGroupBuilder TagsViewsOfOneRecord(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (result is not IValueHttpResult { Value: ITaggedView view })
            {
                return result;
            }

            var http = context.HttpContext;
            var tag = Tag(view, http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
            http.Response.Headers.ETag = tag;
            return HttpMethods.IsGet(http.Request.Method) && IfNoneMatchHits(http.Request.Headers.IfNoneMatch, tag)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : result;
        });

    /// <summary>
    /// Makes a write conditional on the record it changes: with If-Match, the write runs only while the record's
    /// current representation (read by <paramref name="read"/> from the route value <paramref name="routeKey"/>)
    /// has that tag, and otherwise answers 412 and writes nothing. <typeparamref name="TEntity"/> is the row
    /// locked while the condition is checked and the write made, so two writers holding one tag cannot both win.
    /// </summary>
    public static RouteHandlerBuilder ConditionalOn<TEntity, TView>(this RouteHandlerBuilder endpoint, string routeKey, Func<string, IRequest<TView>> read)
        where TView : ITaggedView =>
        endpoint
            .WithMetadata(new ConditionalWrite(typeof(TEntity), routeKey, async (key, mediator, ct) => await mediator.Send(read(key), ct)))
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}

/// <summary>What a conditional write is conditional on: the record's row, and how to read its current view.</summary>
public sealed record ConditionalWrite(Type Entity, string RouteKey, Func<string, IMediator, CancellationToken, Task<ITaggedView>> ReadCurrent);
