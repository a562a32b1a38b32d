using System.Security.Cryptography;
using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class EvidenceFilesClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_file_is_uploaded_and_downloaded_as_binary_and_the_evidence_accepted_through_the_generated_client(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var lancashire = await admin.IssueKeyAsync(ApiKeyRole.Editor, Lancashire);
        var response = await lancashire.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(Lancashire), cancellationToken: Ct);
        var evidence = await lancashire.Evidence.AddResponseEvidenceAsync(response.Id, Strategy(), cancellationToken: Ct);
        var pdf = Features.Evidence.EvidenceFileSamples.Pdf(300_000);

        var uploaded = await lancashire.Evidence.UploadEvidenceFileAsync(evidence.Id, new FileParameter(new MemoryStream(pdf), "strategy.pdf", "application/pdf"), cancellationToken: Ct);
        await lancashire.Evidence.UploadEvidenceFileAsync(evidence.Id, new FileParameter(new MemoryStream("Agreed at SMB."u8.ToArray()), "note.txt", "text/plain"), cancellationToken: Ct);
        var refused = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => lancashire.Evidence.UploadEvidenceFileAsync(evidence.Id,
            new FileParameter(new MemoryStream("<html><script>alert(1)</script></html>"u8.ToArray()), "note.txt", "text/plain"), cancellationToken: Ct));

        Assert.Equal((1, "application/pdf", Convert.ToHexStringLower(SHA256.HashData(pdf))), (uploaded.Version, uploaded.ContentType, uploaded.Sha256));
        Assert.Equal(415, refused.StatusCode);
        Assert.Equal([1, 2], (await lancashire.Evidence.ListEvidenceFilesAsync(evidence.Id, Ct)).Select(f => f.Version));
        using (var first = await lancashire.Evidence.DownloadEvidenceFileAsync(evidence.Id, 1, Ct))
        {
            using var copy = new MemoryStream();
            await first.Stream.CopyToAsync(copy, Ct);
            Assert.Equal(pdf, copy.ToArray());
        }

        using (var latest = await lancashire.Evidence.DownloadLatestEvidenceFileAsync(evidence.Id, Ct))
        {
            Assert.Equal("Agreed at SMB.", await new StreamReader(latest.Stream).ReadToEndAsync(Ct));
        }

        var accepted = await admin.Evidence.AcceptEvidenceAsync(evidence.Id, new EvidenceAcceptance { Reason = "Minuted.", ExpiresOn = new DateOnly(2030, 1, 1) }, cancellationToken: Ct);
        Assert.Equal((EvidenceReviewState.Accepted, new DateOnly(2030, 1, 1)), (accepted.ReviewState, accepted.ExpiresOn));
    }
}
