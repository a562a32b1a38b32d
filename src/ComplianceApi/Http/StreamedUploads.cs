using ComplianceApi.Domain;
using ComplianceApi.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceApi.Http;

/// <summary>The file part of a multipart body, still unread: its bytes come off the connection as the reader reads them.</summary>
public sealed record UploadedPart(Stream Content, string? FileName);

/// <summary>Marks an endpoint that reads a multipart body's file part itself, as a stream; the contract shows it as a form with one file.</summary>
public sealed record StreamedFileUpload(string PartName);

/// <summary>
/// Uploads read straight from the request body with a <see cref="MultipartReader"/>: the form is never
/// bound (bound forms buffer every file), so a file of any size passes through one buffer.
/// </summary>
public static class StreamedUploads
{
    /// <summary>Room for the multipart framing and part headers around the file itself.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public const string FilePart = "file";

    /// <summary>Declares the endpoint's multipart body, and lets the body be as long as the file may be plus its framing.</summary>
    public static RouteHandlerBuilder AcceptsStreamedFile(this RouteHandlerBuilder endpoint, long maxFileBytes) =>
        endpoint
            .WithMetadata(new StreamedFileUpload(FilePart))
            .WithMetadata(new RequestSizeLimitAttribute(maxFileBytes + FormOverheadBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>The body's part named <see cref="FilePart"/>; parts before it are passed over.</summary>
    public static async Task<UploadedPart> FilePartAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 and <= 200 } boundary)
        {
            throw new UnsupportedFileTypeException("Send the file as the part 'file' of a multipart/form-data body.");
        }

        var reader = new MultipartReader(boundary.ToString(), request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition()
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FilePart, StringComparison.Ordinal))
            {
                var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar : HeaderUtilities.RemoveQuotes(disposition.FileName);
                return new UploadedPart(section.Body, name.HasValue ? name.ToString() : null);
            }

            await section.Body.DrainAsync(cancellationToken);
        }

        throw Invalid.Field(FilePart, "Send the file as the multipart part 'file', with a file name.");
    }
}

/// <summary>The contract's request body for <see cref="StreamedFileUpload"/> endpoints: a form whose one required part is the file.</summary>
public sealed class StreamedUploadOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<StreamedFileUpload>().LastOrDefault() is not { } upload)
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["multipart/form-data"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { upload.PartName },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            [upload.PartName] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                        },
                    },
                },
            },
        };
    }
}
