using System.IO.Compression;
using System.Text;

namespace ComplianceApi.Domain;

/// <summary>
/// The files evidence may hold, recognised from their bytes (never from the name or the declared type):
/// PDF; Word, Excel and PowerPoint documents without macros (OOXML); PNG, JPEG, GIF and WebP images; plain
/// text and CSV in UTF-8 without markup a browser would run as HTML or SVG; and email messages. Legacy
/// binary Office files (.doc, .xls, .ppt) are refused: whether one carries macros cannot be told without
/// parsing the whole compound file, and the OOXML forms say it in their part names.
/// </summary>
public static class EvidenceFileTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";
    public const string Text = "text/plain";
    public const string Csv = "text/csv";
    public const string Email = "message/rfc822";

    /// <summary>An Office document whose parts are still to be read (<see cref="InspectOfficeDocument"/>).</summary>
    public const string Zip = "application/zip";

    /// <summary>Every media type a stored file can have.</summary>
    public static readonly string[] All = [Pdf, Docx, Xlsx, Pptx, Png, Jpeg, Gif, WebP, Text, Csv, Email];

    /// <summary>How much of a file's start is looked at to recognise it.</summary>
    public const int SniffBytes = 8 * 1024;

    private static readonly string[] Markup =
    [
        "<!doctype", "<html", "<head", "<body", "<script", "<iframe", "<svg", "<?xml", "<object", "<embed", "<meta", "<style",
        "<link", "<form", "<img", "<a ", "<div", "<xsl", "<!--",
    ];

    private static readonly string[] MailHeaders = ["date", "subject", "message-id", "mime-version", "to"];

    /// <summary>
    /// What the file's first bytes (<paramref name="head"/>, up to <see cref="SniffBytes"/> or the whole file)
    /// say it is; <see cref="Zip"/> when it may be an Office document, and text types when the start is text:
    /// the rest is still to be read as UTF-8 (<see cref="Utf8Text"/>).
    /// </summary>
    /// <exception cref="UnsupportedFileTypeException">Not a type evidence may hold.</exception>
    public static string Recognise(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.IsEmpty)
        {
            throw new UnsupportedFileTypeException("The file is empty.");
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return Zip;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            throw new UnsupportedFileTypeException(
                "Legacy Office files (.doc, .xls, .ppt) are not accepted, since they may carry macros; save the document as .docx, .xlsx or .pptx.");
        }

        if (head.StartsWith("MZ"u8) || head.StartsWith("\u007fELF"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]))
        {
            throw new UnsupportedFileTypeException("The file is a program, which evidence may not hold.");
        }

        return RecogniseText(head, fileName);
    }

    private static string RecogniseText(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.Contains((byte)0))
        {
            throw Unrecognised();
        }

        // Lenient here (the head may end inside a character); Utf8Text checks every byte strictly.
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF');
        if (IsEmail(text))
        {
            return Email;
        }

        if (Markup.FirstOrDefault(tag => text.Contains(tag, StringComparison.OrdinalIgnoreCase)) is { } markup)
        {
            throw new UnsupportedFileTypeException(
                $"The text holds markup ('{markup}') a browser would run as HTML, SVG or XML; such files are not accepted as evidence.");
        }

        return fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? Csv : Text;
    }

    // An RFC 5322 message starts with header fields, and has at least a From and one of the usual others.
    private static bool IsEmail(string text)
    {
        var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in text.Split('\n'))
        {
            var field = line.TrimEnd('\r');
            if (field.Length == 0)
            {
                break;
            }

            if (field[0] is ' ' or '\t')
            {
                continue;
            }

            var colon = field.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || field[..colon].Any(c => c is <= ' ' or > '~'))
            {
                return false;
            }

            headers.Add(field[..colon]);
        }

        return headers.Contains("from") && MailHeaders.Any(headers.Contains);
    }

    /// <summary>
    /// An Office document, its bytes all stored (<paramref name="file"/> seekable): a Word, Excel or PowerPoint
    /// document with no macros, or refused. Macros live in a <c>vbaProject.bin</c> part and their documents
    /// declare a macroEnabled content type; a zip that is no Office document is refused too.
    /// </summary>
    public static string InspectOfficeDocument(Stream file)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw Unrecognised();
        }

        using (zip)
        {
            if (zip.Entries.Any(e => e.FullName.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)
                || e.FullName.Contains("vbaData", StringComparison.OrdinalIgnoreCase)
                || e.FullName.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) && e.FullName.Contains("activeX", StringComparison.OrdinalIgnoreCase)))
            {
                throw MacroEnabled();
            }

            if (zip.GetEntry("[Content_Types].xml") is not { Length: <= 1024 * 1024 } types)
            {
                throw new UnsupportedFileTypeException("Zip files are accepted only as Word, Excel or PowerPoint documents, and this one is not one.");
            }

            string declared;
            try
            {
                using var reader = new StreamReader(types.Open(), Encoding.UTF8);
                declared = reader.ReadToEnd();
            }
            catch (InvalidDataException)
            {
                throw Unrecognised();
            }

            if (declared.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || declared.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
            {
                throw MacroEnabled();
            }

            return declared switch
            {
                _ when declared.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal) => Docx,
                _ when declared.Contains("spreadsheetml.sheet.main+xml", StringComparison.Ordinal) => Xlsx,
                _ when declared.Contains("presentationml.presentation.main+xml", StringComparison.Ordinal) => Pptx,
                _ => throw new UnsupportedFileTypeException("Zip files are accepted only as Word, Excel or PowerPoint documents, and this one is not one."),
            };
        }
    }

    /// <summary>The name kept for a file: its last path segment, without control, quote, path or reserved characters, at most 200 characters.</summary>
    public static string SanitiseFileName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var kept = new string([.. last.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or ':' or '|' or '?' or '*' or ';') && !char.IsSurrogate(c))]).Trim().Trim('.');
        if (kept.Length > 200)
        {
            var extension = Path.GetExtension(kept);
            kept = extension.Length is > 0 and <= 20 ? kept[..(200 - extension.Length)] + extension : kept[..200];
        }

        return kept.Length == 0 ? "evidence" : kept;
    }

    private static UnsupportedFileTypeException MacroEnabled() =>
        new("Documents with macros are not accepted as evidence; save the document without macros (.docx, .xlsx, .pptx).");

    private static UnsupportedFileTypeException Unrecognised() =>
        new($"The file's content is none of the types evidence may hold: PDF, Word, Excel or PowerPoint without macros, PNG, JPEG, GIF or WebP images, UTF-8 text, CSV or email.");
}

/// <summary>Checks that a file's bytes, given a run at a time, are UTF-8 text without NUL characters.</summary>
public sealed class Utf8Text
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();

    /// <exception cref="UnsupportedFileTypeException">The bytes are not UTF-8 text.</exception>
    public void Take(ReadOnlySpan<byte> bytes, bool final)
    {
        try
        {
            if (bytes.Contains((byte)0))
            {
                throw new DecoderFallbackException();
            }

            _decoder.GetCharCount(bytes, flush: final);
        }
        catch (DecoderFallbackException)
        {
            throw new UnsupportedFileTypeException("Text is accepted only in UTF-8, and the file is not UTF-8 text throughout.");
        }
    }
}

/// <summary>A file evidence may not hold; answered 415.</summary>
public sealed class UnsupportedFileTypeException(string message) : Exception(message);
