using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace ComplianceApi.Tests.Features.Evidence;

/// <summary>Files as forces would upload them, and files dressed up as others, built in memory.</summary>
public static class EvidenceFileSamples
{
    /// <summary>A PDF of <paramref name="length"/> bytes: the header, then filler (enough to span several 256 KiB chunks).</summary>
    public static byte[] Pdf(int length = 600_000)
    {
        var bytes = new byte[length];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        for (var i = 9; i < length; i++)
        {
            bytes[i] = (byte)('a' + (i * 7 % 26));
        }

        return bytes;
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    public static byte[] Executable() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Email() => Text("""
        From: Information Management Unit <imu@cityoflondon.police.uk>
        To: HMICFRS Liaison <liaison@hmicfrs.gov.uk>
        Subject: Recommendation 8 - archive review complete
        Date: Tue, 31 Jan 2017 09:30:00 +0000
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        <html><body><p>The NSPIS archive review is complete.</p></body></html>
        """.Replace("\n", "\r\n", StringComparison.Ordinal));

    /// <summary>An OOXML package: [Content_Types].xml declaring <paramref name="mainType"/>, and the parts named.</summary>
    public static byte[] Office(string mainType, string mainPart, params string[] otherParts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, mainPart, "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
            foreach (var part in otherParts)
            {
                Write(zip, part, "binary");
            }

            Write(zip, "[Content_Types].xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="/{mainPart}" ContentType="{mainType}"/>
                </Types>
                """);
        }

        return buffer.ToArray();
    }

    public static byte[] Docx() => Office("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml");

    public static byte[] Docm() => Office("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml", "word/vbaProject.bin");

    public static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "notes.txt", "Not an Office document.");
        }

        return buffer.ToArray();
    }

    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string declaredType = "application/octet-stream") =>
        Form(new ByteArrayContent(bytes), fileName, declaredType);

    public static MultipartFormDataContent Form(HttpContent file, string fileName, string declaredType = "application/octet-stream")
    {
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}

/// <summary>A request body that sends some bytes and then fails, as a connection cut off part way through an upload.</summary>
public sealed class CutOffStream(byte[] start) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= start.Length)
        {
            throw new IOException("The connection was cut off.");
        }

        var n = Math.Min(count, start.Length - _position);
        Array.Copy(start, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
