using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Features.Evidence;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static ComplianceApi.Tests.Features.Evidence.EvidenceFileSamples;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Evidence;

public sealed class EvidenceFilesTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(ComplianceApiHost Host, HttpClient Editor, EvidenceView Evidence)> LancashireEvidenceAsync(Provider provider, ComplianceApiHost? host = null)
    {
        host ??= await hosts.For(provider);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);
        var response = await editor.CreateResponseAsync((await host.CreateFindingAsync()).Id, Response(Lancashire));
        var evidence = await editor.AddEvidenceAsync($"/api/v1/responses/{response.Id}/evidence", Strategy());
        return (host, editor, evidence);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid evidenceId, byte[] bytes, string fileName, string declaredType = "application/octet-stream") =>
        client.PostAsync($"/api/v1/evidence/{evidenceId}/files", Form(bytes, fileName, declaredType), Ct);

    private static async Task<HttpResponseMessage> UploadWithKeyAsync(HttpClient client, Guid evidenceId, byte[] bytes, string fileName, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/evidence/{evidenceId}/files") { Content = Form(bytes, fileName) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<List<EvidenceFileView>> VersionsAsync(HttpClient client, Guid evidenceId) =>
        await client.GetAsync<List<EvidenceFileView>>($"/api/v1/evidence/{evidenceId}/files");

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_pdf_spanning_several_chunks_downloads_byte_for_byte_as_an_attachment_tagged_with_its_hash(Provider provider)
    {
        var (_, editor, evidence) = await LancashireEvidenceAsync(provider);
        var pdf = Pdf();

        var uploaded = await (await UploadAsync(editor, evidence.Id, pdf, "../minutes/SMB: 31 Oct?.pdf", "text/html")).ReadAsync<EvidenceFileView>(HttpStatusCode.Created);

        var hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.Equal((1, "SMB 31 Oct.pdf", "application/pdf", (long)pdf.Length, hash, false), (uploaded.Version, uploaded.FileName, uploaded.ContentType, uploaded.Size, uploaded.Sha256, uploaded.Quarantined));
        Assert.False(string.IsNullOrEmpty(uploaded.UploadedBy));
        using var download = await editor.GetAsync($"/api/v1/evidence/{evidence.Id}/files/latest", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal($"\"{hash}\"", download.Headers.ETag?.ToString());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("SMB 31 Oct.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", download.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_download_answers_304_for_its_hash_and_ranges_with_206_or_416(Provider provider)
    {
        var (_, editor, evidence) = await LancashireEvidenceAsync(provider);
        var pdf = Pdf();
        var uploaded = await (await UploadAsync(editor, evidence.Id, pdf, "minutes.pdf")).ReadAsync<EvidenceFileView>(HttpStatusCode.Created);
        var url = $"/api/v1/evidence/{evidence.Id}/files/1";

        using var unchanged = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { new EntityTagHeaderValue($"\"{uploaded.Sha256}\"") } } };
        Assert.Equal(HttpStatusCode.NotModified, (await editor.SendAsync(unchanged, Ct)).StatusCode);

        // A range across the first chunk's end, read from two rows.
        using var across = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(262_140, 262_150) } };
        using var partial = await editor.SendAsync(across, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(pdf[262_140..262_151], await partial.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal($"bytes 262140-262150/{pdf.Length}", partial.Content.Headers.ContentRange?.ToString());

        using var beyond = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(pdf.Length + 10, pdf.Length + 20) } };
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await editor.SendAsync(beyond, Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_new_upload_is_a_new_version_and_the_old_one_is_kept(Provider provider)
    {
        var (_, editor, evidence) = await LancashireEvidenceAsync(provider);
        var first = Pdf(1_000);
        var second = Text("Strategic Management Board, 31 October 2015: the strategy is agreed.");

        await (await UploadAsync(editor, evidence.Id, first, "draft.pdf")).ReadAsync<EvidenceFileView>(HttpStatusCode.Created);
        var posted = await UploadAsync(editor, evidence.Id, second, "minute.txt");
        await posted.ReadAsync<EvidenceFileView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/evidence/{evidence.Id}/files/2", posted.Headers.Location?.OriginalString);
        Assert.Equal([(1, "application/pdf"), (2, "text/plain")], (await VersionsAsync(editor, evidence.Id)).Select(v => (v.Version, v.ContentType)));
        Assert.Equal(first, await editor.GetByteArrayAsync($"/api/v1/evidence/{evidence.Id}/files/1", Ct));
        Assert.Equal(second, await editor.GetByteArrayAsync($"/api/v1/evidence/{evidence.Id}/files/latest", Ct));
        await (await editor.GetAsync($"/api/v1/evidence/{evidence.Id}/files/3", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    public static TheoryData<Provider, string, string> Refused()
    {
        var data = new TheoryData<Provider, string, string>();
        foreach (var provider in new[] { Provider.Sqlite, Provider.Postgres })
        {
            foreach (var (sample, name) in new[] { ("exe", "minutes.pdf"), ("html", "minutes.txt"), ("svg", "chart.svg"), ("docm", "strategy.docx"), ("zip", "strategy.docx"), ("doc", "strategy.doc"), ("latin1", "notes.txt") })
            {
                data.Add(provider, sample, name);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_an_allowed_type_whatever_its_name_is_refused_with_415_and_nothing_is_stored(Provider provider, string sample, string fileName)
    {
        var (_, editor, evidence) = await LancashireEvidenceAsync(provider);
        byte[] bytes = sample switch
        {
            "exe" => Executable(),
            "html" => Text("  <!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"),
            "svg" => Text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"1\" height=\"1\"/></svg>"),
            "docm" => Docm(),
            "zip" => Zip(),
            "doc" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
            _ => [(byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)' ', (byte)'n', (byte)'o', (byte)'t', (byte)'e', (byte)'s'],
        };

        var problem = await (await UploadAsync(editor, evidence.Id, bytes, fileName, "application/pdf")).ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        Assert.Empty(await VersionsAsync(editor, evidence.Id));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Office_documents_without_macros_images_csv_and_email_are_stored_as_the_type_their_bytes_show(Provider provider)
    {
        var (_, editor, evidence) = await LancashireEvidenceAsync(provider);

        string[] types = [];
        foreach (var (bytes, name) in new[] { (Docx(), "strategy.bin"), (Png(), "chart.png"), (Text("Force,Status\nLancashire,Implemented\n"), "status.csv"), (Email(), "note.eml") })
        {
            types = [.. types, (await (await UploadAsync(editor, evidence.Id, bytes, name)).ReadAsync<EvidenceFileView>(HttpStatusCode.Created)).ContentType];
        }

        Assert.Equal([EvidenceFileTypes.Docx, EvidenceFileTypes.Png, EvidenceFileTypes.Csv, EvidenceFileTypes.Email], types);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Files_over_the_size_per_file_or_per_evidence_are_refused_with_413_and_leave_nothing(Provider provider)
    {
        var settings = new Dictionary<string, string?> { ["Evidence:MaxFileBytes"] = "300000", ["Evidence:MaxBytesPerEvidence"] = "500000" };
        if (provider == Provider.Sqlite)
        {
            settings["Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), $"compliance-evidence-limits-{Guid.NewGuid():N}");
        }
        else
        {
            settings["ConnectionStrings:Postgres"] = await hosts.NewPostgresDatabaseAsync();
        }

        await using var host = new ComplianceApiHost(provider, settings);
        var (_, editor, evidence) = await LancashireEvidenceAsync(provider, host);

        var tooLarge = await (await UploadAsync(editor, evidence.Id, Pdf(300_001), "large.pdf")).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("300,000", tooLarge.Detail);
        await (await UploadWithKeyAsync(editor, evidence.Id, Pdf(300_001), "large.pdf", Guid.NewGuid().ToString())).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await UploadAsync(editor, evidence.Id, Pdf(290_000), "first.pdf")).ReadAsync<EvidenceFileView>(HttpStatusCode.Created);
        var overTotal = await (await UploadAsync(editor, evidence.Id, Pdf(250_000), "second.pdf")).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("500,000", overTotal.Detail);
        Assert.Equal([1], (await VersionsAsync(editor, evidence.Id)).Select(v => v.Version));
        await host.WithDatabaseAsync(async db => Assert.Equal(2, await db.EvidenceFileChunks.CountAsync(Ct)));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_upload_sent_again_with_its_key_is_stored_once_and_the_key_with_one_byte_changed_is_refused_with_422(Provider provider)
    {
        var (host, editor, evidence) = await LancashireEvidenceAsync(provider);
        var key = Guid.NewGuid().ToString();
        var pdf = Pdf(300_000);
        var changed = pdf.ToArray();
        changed[^1] ^= 1;

        using var first = await UploadWithKeyAsync(editor, evidence.Id, pdf, "minutes.pdf", key);
        var firstBody = await first.Content.ReadAsStringAsync(Ct);
        Assert.True(first.StatusCode == HttpStatusCode.Created, firstBody);
        // Each form has a boundary of its own: the retry differs from the first in that alone.
        using var again = await UploadWithKeyAsync(editor, evidence.Id, pdf, "minutes.pdf", key);
        Assert.Equal((HttpStatusCode.Created, firstBody), (again.StatusCode, await again.Content.ReadAsStringAsync(Ct)));
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        using var other = await UploadWithKeyAsync(editor, evidence.Id, changed, "minutes.pdf", key);
        await other.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([1], (await VersionsAsync(editor, evidence.Id)).Select(v => v.Version));
        await host.WithDatabaseAsync(async db => Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData(pdf)),
            (await db.EvidenceFiles.AsNoTracking().SingleAsync(f => f.EvidenceId == evidence.Id, Ct)).Sha256));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_upload_refused_with_415_under_a_key_leaves_the_key_free_for_the_corrected_file(Provider provider)
    {
        var (_, editor, evidence) = await LancashireEvidenceAsync(provider);
        var key = Guid.NewGuid().ToString();

        using var refused = await UploadWithKeyAsync(editor, evidence.Id, Executable(), "minutes.pdf", key);
        await refused.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        using var corrected = await UploadWithKeyAsync(editor, evidence.Id, Pdf(1_000), "minutes.pdf", key);

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal([1], (await VersionsAsync(editor, evidence.Id)).Select(v => v.Version));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_upload_cut_off_mid_stream_leaves_no_version_and_no_chunks(Provider provider)
    {
        var (host, editor, evidence) = await LancashireEvidenceAsync(provider);
        // Past the first chunk, so rows were written before the body broke off.
        var cut = new StreamContent(new CutOffStream(Pdf(400_000)));

        try
        {
            using var answer = await editor.PostAsync($"/api/v1/evidence/{evidence.Id}/files", Form(cut, "minutes.pdf", "application/pdf"), Ct);
            Assert.False(answer.IsSuccessStatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // The client gave up on its own body: what matters is what the service kept.
        }

        Assert.Empty(await VersionsAsync(editor, evidence.Id));
        await host.WithDatabaseAsync(async db => Assert.Empty(await db.EvidenceFileChunks
            .Where(c => !db.EvidenceFiles.IgnoreQueryFilters().Any(f => f.Id == c.FileId)).ToListAsync(Ct)));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_version_corrupted_in_the_database_is_quarantined_by_the_integrity_check_and_never_served(Provider provider)
    {
        var (host, editor, evidence) = await LancashireEvidenceAsync(provider);
        await (await UploadAsync(editor, evidence.Id, Pdf(), "minutes.pdf")).ReadAsync<EvidenceFileView>(HttpStatusCode.Created);
        await (await UploadAsync(editor, evidence.Id, Pdf(5_000), "minutes-signed.pdf")).ReadAsync<EvidenceFileView>(HttpStatusCode.Created);
        var intact = Pdf(5_000);

        IReadOnlyList<Guid> quarantined = [];
        await host.WithDatabaseAsync(async db =>
        {
            var first = await db.EvidenceFiles.SingleAsync(f => f.EvidenceId == evidence.Id && f.Version == 1, Ct);
            var damaged = Pdf(UploadEvidenceFileHandler.ChunkSize);
            damaged[1000] ^= 0xFF;
            await db.Database.ExecuteSqlAsync($"""UPDATE "EvidenceFileChunks" SET "Data" = {damaged} WHERE "FileId" = {first.Id} AND "Index" = 0""", Ct);
            quarantined = await db.CheckDueAsync(DateTimeOffset.UtcNow, new EvidenceFileOptions { IntegrityCheckBatch = 100_000 }, NullLogger.Instance, Ct);
            Assert.Contains(first.Id, quarantined);
        });

        var problem = await (await editor.GetAsync($"/api/v1/evidence/{evidence.Id}/files/1", Ct)).ReadProblemAsync(HttpStatusCode.Gone);
        Assert.Contains("quarantined", problem.Detail);
        Assert.Equal([true, false], (await VersionsAsync(editor, evidence.Id)).Select(v => v.Quarantined));
        Assert.Equal(intact, await editor.GetByteArrayAsync($"/api/v1/evidence/{evidence.Id}/files/2", Ct));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_scoped_key_reaches_only_its_own_forces_evidence_files(Provider provider)
    {
        var (host, _, evidence) = await LancashireEvidenceAsync(provider);
        var city = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var reader = await host.ClientAsync(ApiKeyRole.Reader, Lancashire);

        await (await UploadAsync(city, evidence.Id, Pdf(1_000), "minutes.pdf")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await UploadAsync(reader, evidence.Id, Pdf(1_000), "minutes.pdf")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await UploadAsync(host.AdminClient(), evidence.Id, Pdf(1_000), "minutes.pdf")).ReadAsync<EvidenceFileView>(HttpStatusCode.Created);

        await (await city.GetAsync($"/api/v1/evidence/{evidence.Id}/files", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await city.GetAsync($"/api/v1/evidence/{evidence.Id}/files/1", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Single(await VersionsAsync(reader, evidence.Id));
    }
}
