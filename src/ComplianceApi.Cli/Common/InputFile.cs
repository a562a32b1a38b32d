namespace ComplianceApi.Cli.Common;

/// <summary>A file the tool sends, opened to be streamed from disk rather than read into memory.</summary>
public static class InputFile
{
    /// <summary>
    /// Opens the file for reading; a usage error when it is missing or unreadable. Called before any request,
    /// so a mistyped name costs no upload and says so plainly.
    /// </summary>
    public static FileStream Open(FileInfo source)
    {
        if (!source.Exists)
        {
            throw new UsageException($"{source.FullName} does not exist.");
        }

        try
        {
            return new FileStream(source.FullName, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{source.FullName} cannot be read: {exception.Message}");
        }
    }
}
