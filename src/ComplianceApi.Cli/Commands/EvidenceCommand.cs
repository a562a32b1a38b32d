using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ComplianceApi.Cli.Common;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Commands;

/// <summary>
/// <c>compliance evidence upload|download</c>: a piece of evidence's file. An upload is streamed from disk
/// as the evidence's next version; a download is written beside its destination, checked against the
/// SHA-256 the service sends as its ETag, and moved into place only when it matches.
/// </summary>
public static class EvidenceCommand
{
    public static Command Create(CliSession session) =>
        new("evidence", "Upload a file to a piece of evidence as its next version, or download a version")
        {
            Upload(session),
            Download(session),
        };

    private static Command Upload(CliSession session)
    {
        var id = EvidenceId();
        var path = new Argument<FileInfo>("path") { Description = "The file: PDF, Office document without macros, image, text or CSV, or an email (.eml)" };
        var command = new Command("upload", "Upload a file as the evidence's next version (older versions are kept); the evidence goes back for review")
        {
            id, path,
        };
        command.SetAction((parse, cancellationToken) => session.RunAgainstServiceAsync(parse, async (connection, ct) =>
        {
            var source = parse.GetValue(path)!;
            var evidenceId = parse.GetValue(id)!.Value;
            InputFile.Open(source).Dispose(); // a file that is missing or unreadable is a usage error before any request
            var evidence = connection.Create((options, http) => new EvidenceClient(options, http));
            // One key for the upload and all its attempts: a retry after a lost answer gets the version the
            // first attempt made instead of a second, identical version.
            var idempotencyKey = WriteRetries.NewKey();
            var uploaded = await WriteRetries.SendAsync(session.Error, $"Uploading {source.Name}", async (_, attemptCt) =>
            {
                // The request disposes of the stream it sent, so each attempt opens the file again.
                await using var content = InputFile.Open(source);
                // The service recognises the type from the bytes and ignores the one declared.
                return await evidence.UploadEvidenceFileAsync(evidenceId, new FileParameter(content, source.Name, "application/octet-stream"),
                    idempotencyKey: idempotencyKey, cancellationToken: attemptCt);
            }, ct);

            session.Output.Write(new Table()
                .AddColumn("Evidence").AddColumn(new TableColumn("Version").RightAligned()).AddColumn("File").AddColumn("Type")
                .AddColumn(new TableColumn("Bytes").RightAligned()).AddColumn("SHA-256")
                .AddRow(
                    new Text(uploaded.EvidenceId.ToString()),
                    new Text(uploaded.Version.ToString(CultureInfo.InvariantCulture)),
                    new Text(uploaded.FileName),
                    new Text(uploaded.ContentType),
                    new Text(uploaded.Size.ToString(CultureInfo.InvariantCulture)),
                    new Text(uploaded.Sha256)));
            session.Error.WriteLine($"Uploaded {source.Name} as version {uploaded.Version} of evidence {uploaded.EvidenceId}; it awaits review.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Download(CliSession session)
    {
        var id = EvidenceId();
        var version = new Option<int?>("--version") { Description = "The version to download [default: the latest]", HelpName = "n" };
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "The file to write, or a folder to write it into under the name it was uploaded with [default: that name, in the current folder]",
            HelpName = "path",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the file when it exists" };
        var command = new Command("download", "Download a version of the evidence's file, checked against the SHA-256 the service holds for it")
        {
            id, version, output, force,
        };
        version.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--version counts from 1.");
            }
        });
        command.SetAction((parse, cancellationToken) => session.RunAgainstServiceAsync(parse, async (connection, ct) =>
        {
            var evidenceId = parse.GetValue(id)!.Value;
            var asked = parse.GetValue(output);
            var overwrite = parse.GetValue(force);
            var folder = asked is null ? new DirectoryInfo(Directory.GetCurrentDirectory())
                : Directory.Exists(asked.FullName) ? new DirectoryInfo(asked.FullName)
                : null;
            // A named file is checked before anything is asked of the service; a name from the service only once it answers.
            var destination = folder is null ? DocumentOutput.To(asked, overwrite, isText: false, binaryKind: "An evidence file") : null;

            var evidence = connection.Create((options, http) => new EvidenceClient(options, http));
            using var file = parse.GetValue(version) is { } number
                ? await evidence.DownloadEvidenceFileAsync(evidenceId, number, ct)
                : await evidence.DownloadLatestEvidenceFileAsync(evidenceId, ct);
            var expected = Sha256FromETag(Header(file, "ETag"));
            destination ??= DocumentOutput.To(
                new FileInfo(Path.Combine(folder!.FullName, LocalFileName(Header(file, "Content-Disposition"), $"evidence-{evidenceId}"))),
                overwrite, isText: false, binaryKind: "An evidence file");

            string? actual = null;
            try
            {
                var length = await destination.WriteAsync(session.OutputText, async (stream, writeCt) =>
                {
                    actual = await CopyHashingAsync(file.Stream, stream, writeCt);
                    if (expected is null || !string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                    {
                        // Thrown inside the write, so the partial file is deleted and nothing reaches the destination.
                        throw new IntegrityException();
                    }
                }, ct);
                session.Error.WriteLine($"Wrote {destination.Name} ({length:N0} bytes, SHA-256 {actual}, as the service holds it).");
                return ExitCodes.Success;
            }
            catch (IntegrityException)
            {
                session.Error.Write(new Text(
                    (expected is null
                        ? $"The service sent no SHA-256 (ETag) for the file, so what was downloaded cannot be checked; nothing was written to {destination.Name}."
                        : $"The downloaded file's SHA-256 ({actual}) is not the one the service holds ({expected}): it was changed or cut short on the way. "
                            + $"Nothing was written to {destination.Name}; download it again.")
                    + Environment.NewLine, new Style(Color.Red)));
                return ExitCodes.Rejected;
            }
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// The name to save a download under: the Content-Disposition's file name reduced to a plain name in one
    /// folder (no path, no characters a file system or shell misreads, not hidden), else <paramref name="fallback"/>.
    /// The service already sends such a name; the tool does not rely on what it is sent.
    /// </summary>
    public static string LocalFileName(string? contentDisposition, string fallback)
    {
        string? name = null;
        if (ContentDispositionHeaderValue.TryParse(contentDisposition, out var disposition))
        {
            name = disposition.FileNameStar ?? disposition.FileName?.Trim('"');
        }

        name = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        name = new string([.. name.Select(c => char.IsControl(c) || invalid.Contains(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c)]);
        name = name.Trim().TrimStart('.').TrimEnd('.', ' ');
        return name.Length == 0 ? fallback : name;
    }

    // The service's ETag is the strong tag "<sha256 in lower-case hex>".
    private static string? Sha256FromETag(string? etag) =>
        etag is null || !EntityTagHeaderValue.TryParse(etag, out var tag) || tag.IsWeak ? null
        : tag.Tag.Trim('"') is { Length: 64 } hex && hex.All(Uri.IsHexDigit) ? hex.ToLowerInvariant()
        : null;

    private static string? Header(FileResponse file, string name) =>
        file.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static async Task<string> CopyHashingAsync(Stream from, Stream to, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Argument<Guid?> EvidenceId() =>
        new("evidenceId") { Description = "The evidence's id", Arity = ArgumentArity.ExactlyOne, CustomParser = Values.Id };

    private sealed class IntegrityException : Exception;
}
