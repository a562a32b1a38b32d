namespace ComplianceApi.Cli.Common;

/// <summary>
/// Where a downloaded document goes: a file, written whole or not at all and never over an existing
/// file unless asked (--force), or stdout when the document is text.
/// </summary>
public sealed class DocumentOutput
{
    private readonly FileInfo? _file;
    private readonly bool _overwrite;

    private DocumentOutput(FileInfo? file, bool overwrite)
    {
        _file = file;
        _overwrite = overwrite;
    }

    /// <summary>Where the document will be written, for messages: the file's path, or stdout.</summary>
    public string Name => _file?.FullName ?? "stdout";

    public bool IsStandardOutput => _file is null;

    /// <summary>Checks before anything is asked of the service, so a refused overwrite costs no request.</summary>
    public static DocumentOutput To(FileInfo? file, bool overwrite, bool isText, string binaryKind)
    {
        if (file is null)
        {
            return isText
                ? new DocumentOutput(null, overwrite)
                : throw new UsageException($"{binaryKind} is not text and is not written to stdout; give a file with --output.");
        }

        if (file.Exists && !overwrite)
        {
            throw new UsageException($"{file.FullName} already exists; pass --force to overwrite it.");
        }

        if (file.Directory is { Exists: false } folder)
        {
            throw new UsageException($"The folder {folder.FullName} does not exist.");
        }

        return new DocumentOutput(file, overwrite);
    }

    /// <summary>Runs <paramref name="write"/> into the destination; the number of bytes written.</summary>
    public async Task<long> WriteAsync(TextWriter standardOutput, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            // Buffered, so that a download failing half-way prints nothing rather than half a document.
            using var buffer = new MemoryStream();
            await write(buffer, cancellationToken);
            buffer.Position = 0;
            using var reader = new StreamReader(buffer, detectEncodingFromByteOrderMarks: true);
            await standardOutput.WriteAsync(await reader.ReadToEndAsync(cancellationToken));
            await standardOutput.FlushAsync(cancellationToken);
            return buffer.Length;
        }

        // Written beside the destination and moved into place when complete: a failed download leaves
        // no file, and an existing one is replaced only by a whole document.
        var partial = Path.Combine(_file.DirectoryName!, $".{_file.Name}.{Guid.NewGuid():N}.partial");
        try
        {
            long length;
            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            {
                await write(stream, cancellationToken);
                length = stream.Length;
            }

            try
            {
                File.Move(partial, _file.FullName, _overwrite);
            }
            catch (IOException) when (!_overwrite && File.Exists(_file.FullName))
            {
                throw new UsageException($"{_file.FullName} appeared while downloading; pass --force to overwrite it.");
            }

            return length;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
