using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Evidence;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.Responses;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ComplianceApi.Tests.Http;

/// <summary>
/// Reads carry a strong entity tag; writes sent with If-Match happen only while the record is as it was read,
/// so integrators who read, change and write back never silently undo each other's changes.
/// </summary>
public sealed class ConditionalWritesTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_record_is_read_with_a_strong_tag_in_its_header_and_in_its_view(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();

        using var read = await host.AdminClient().GetAsync($"/api/v1/findings/{finding.Id}", Ct);
        var view = await read.ReadAsync<FindingView>();

        var tag = Assert.Single(read.Headers.GetValues("ETag"));
        Assert.False(read.Headers.ETag!.IsWeak);
        Assert.Equal(tag, view.Etag);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_write_answers_with_the_tag_a_read_of_the_record_then_gives(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();

        using var created = await admin.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", ResponseTestData.Response());
        var response = await created.ReadAsync<ForceResponseView>(HttpStatusCode.Created);
        using var recorded = await admin.PostJsonAsync($"/api/v1/responses/{response.Id}/updates",
            ResponseTestData.Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress));
        var update = await recorded.ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);

        Assert.Equal(created.Headers.ETag!.Tag, response.Etag);
        Assert.Equal(recorded.Headers.ETag!.Tag, update.Etag);
        Assert.Equal(update.Etag, (await admin.GetAsync<ProgressUpdateView>($"/api/v1/responses/{response.Id}/updates/{update.Id}")).Etag);
        using var updated = await admin.PutJsonAsync($"/api/v1/responses/{response.Id}", ResponseTestData.Response() with { OwnerName = "DCI Records" });
        Assert.Equal((await updated.ReadAsync<ForceResponseView>()).Etag, (await admin.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}")).Etag);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_read_with_the_current_tag_in_if_none_match_is_answered_304_until_the_record_changes(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        var response = await admin.CreateResponseAsync(finding.Id);
        var url = $"/api/v1/responses/{response.Id}";

        using var unchanged = await SendAsync(admin, HttpMethod.Get, url, ifNoneMatch: response.Etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(response.Etag, unchanged.Headers.ETag!.Tag);

        await admin.RecordUpdateAsync(response.Id, ResponseTestData.Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress));
        using var changed = await SendAsync(admin, HttpMethod.Get, url, ifNoneMatch: response.Etag);
        var now = await changed.ReadAsync<ForceResponseView>();
        Assert.NotEqual(response.Etag, now.Etag);
        Assert.Equal(ResponseStatus.InProgress, now.Status);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_write_with_a_stale_tag_is_refused_with_412_naming_the_current_tag_and_writes_nothing(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        var read = await admin.CreateResponseAsync(finding.Id);
        using var first = await SendAsync(admin, HttpMethod.Put, $"/api/v1/responses/{read.Id}", ResponseTestData.Response() with { OwnerName = "DCI Records" }, ifMatch: read.Etag);
        var afterFirst = await first.ReadAsync<ForceResponseView>();

        using var stale = await SendAsync(admin, HttpMethod.Put, $"/api/v1/responses/{read.Id}", ResponseTestData.Response() with { OwnerRole = "SIRO" }, ifMatch: read.Etag);
        using var staleUpdate = await SendAsync(admin, HttpMethod.Post, $"/api/v1/responses/{read.Id}/updates",
            ResponseTestData.Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress), ifMatch: read.Etag);

        foreach (var refused in new[] { stale, staleUpdate })
        {
            var problem = await refused.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
            Assert.Equal(afterFirst.Etag, problem.Extensions!["currentEtag"].GetString());
        }

        Assert.Equal(0, (await admin.GetAsync<ComplianceApi.Support.Page<ProgressUpdateView>>($"/api/v1/responses/{read.Id}/updates")).TotalCount);
        var now = await admin.GetAsync<ForceResponseView>($"/api/v1/responses/{read.Id}");
        Assert.Equal(("DCI Records", "Head of Information Management", ResponseStatus.NotAssessed), (now.OwnerName, now.OwnerRole, now.Status));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Evidence_that_turns_an_implemented_response_green_changes_the_response_tag(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        var response = await admin.CreateResponseAsync(finding.Id);
        await admin.RecordUpdateAsync(response.Id, ResponseTestData.Update(new DateOnly(2015, 9, 1), ResponseStatus.Implemented, Rag.Green));
        var before = await admin.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");

        using var added = await SendAsync(admin, HttpMethod.Post, $"/api/v1/responses/{response.Id}/evidence", ResponseTestData.BoardMinutes(), ifMatch: before.Etag);
        var evidence = await added.ReadAsync<EvidenceView>(HttpStatusCode.Created);
        await admin.AcceptEvidenceAsync(evidence.Id);

        var after = await admin.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal((Rag.Amber, Rag.Green), (before.DerivedRag, after.DerivedRag));
        Assert.NotEqual(before.Etag, after.Etag);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_deployment_that_requires_if_match_refuses_a_write_without_it_with_428(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();
        var response = await host.AdminClient().CreateResponseAsync(finding.Id);
        await using var strict = host.WithWebHostBuilder(builder => builder.UseSetting("Concurrency:RequireIfMatch", "true"));
        var admin = strict.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);

        using var without = await SendAsync(admin, HttpMethod.Put, $"/api/v1/responses/{response.Id}", ResponseTestData.Response() with { OwnerRole = "SIRO" });
        using var with = await SendAsync(admin, HttpMethod.Put, $"/api/v1/responses/{response.Id}", ResponseTestData.Response() with { OwnerRole = "SIRO" }, ifMatch: response.Etag);

        Assert.Contains("If-Match", (await without.ReadProblemAsync(HttpStatusCode.PreconditionRequired)).Detail, StringComparison.Ordinal);
        Assert.Equal("SIRO", (await with.ReadAsync<ForceResponseView>()).OwnerRole);
    }

    /// <summary>
    /// The proof: clients that each read the response, change a field of their own and write it back
    /// with If-Match. In every round exactly one first attempt wins and the others get 412; a loser reads
    /// again and retries, and at the end every client's acknowledged change is there.
    /// </summary>
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Clients_racing_to_change_one_response_with_if_match_get_one_success_per_round_and_lose_no_change(Provider provider)
    {
        const int Clients = 4;
        const int Rounds = 8;
        var host = await hosts.For(provider);
        var second = await hosts.SecondInstanceFor(provider);
        var finding = await host.CreateFindingAsync();
        var response = await host.AdminClient().CreateResponseAsync(finding.Id);
        var url = $"/api/v1/responses/{response.Id}";
        var clients = Enumerable.Range(0, Clients).Select(i => (i % 2 == 0 ? host : second).AdminClient()).ToArray();
        Func<ForceResponseRequest, int, string, ForceResponseRequest>[] changes =
        [
            (r, round, _) => r with { OwnerName = $"Owner {round}" },
            (r, round, _) => r with { OwnerRole = $"Role {round}" },
            (r, round, _) => r with { GovernanceBoard = $"Board {round}" },
            (r, round, _) => r with { Constraints = $"Constraints {round}" },
        ];

        for (var round = 0; round < Rounds; round++)
        {
            var reads = await Task.WhenAll(clients.Select(c => c.GetAsync<ForceResponseView>(url)));
            Assert.Single(reads.Select(r => r.Etag).Distinct());
            var firstAttempts = await Task.WhenAll(clients.Select((c, i) => SendAsync(c, HttpMethod.Put, url, changes[i](RequestOf(reads[i]), round, ""), ifMatch: reads[i].Etag)));
            Assert.Equal(1, firstAttempts.Count(a => a.IsSuccessStatusCode));
            Assert.Equal(Clients - 1, firstAttempts.Count(a => a.StatusCode == HttpStatusCode.PreconditionFailed));

            // The losers retry the way the README shows: read again, reapply, write with the new tag.
            await Task.WhenAll(clients.Select(async (c, i) =>
            {
                var status = firstAttempts[i].StatusCode;
                while (status == HttpStatusCode.PreconditionFailed)
                {
                    var again = await c.GetAsync<ForceResponseView>(url);
                    using var retry = await SendAsync(c, HttpMethod.Put, url, changes[i](RequestOf(again), round, ""), ifMatch: again.Etag);
                    status = retry.StatusCode;
                }

                Assert.Equal(HttpStatusCode.OK, status);
            }));

            var final = await clients[0].GetAsync<ForceResponseView>(url);
            Assert.Equal(($"Owner {round}", $"Role {round}", $"Board {round}", $"Constraints {round}"), (final.OwnerName, final.OwnerRole, final.GovernanceBoard, final.Constraints));
        }
    }

    private static ForceResponseRequest RequestOf(ForceResponseView view) =>
        new(view.ForceCode, view.OwnerName, view.OwnerRole, view.GovernanceBoard, view.Constraints, view.TargetDate, view.NextReviewOn);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: HttpAssertions.Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        return await client.SendAsync(request, Ct);
    }
}
