using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Responses;

public sealed class ForceResponsesTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_records_its_response_to_a_finding_and_reads_it_back(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();
        var editor = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);

        var response = await editor.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response());
        var created = await response.ReadAsync<ForceResponseView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/responses/{created.Id}", response.Headers.Location?.OriginalString);
        var read = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{created.Id}");
        Assert.Equal(finding.Id, read.FindingId);
        Assert.Equal("Recommendation 8", read.FindingReference);
        Assert.Equal(finding.InspectionId, read.InspectionId);
        Assert.Equal(CityOfLondon, read.ForceCode);
        Assert.Equal("Information Management Board, chaired by the Assistant Commissioner", read.GovernanceBoard);
        Assert.Equal("Records on NSPIS systems cannot be deleted due to system constraints.", read.Constraints);
        Assert.Equal(new DateOnly(2016, 3, 1), read.NextReviewOn);
        Assert.Equal(ResponseStatus.NotAssessed, read.Status);
        Assert.Null(read.Rag);
        Assert.Null(read.StatusEffectiveOn);
        Assert.Equal(created.Version, read.Version);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Every_force_response_to_a_finding_is_listed_under_the_finding(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        var other = await host.CreateFindingAsync(finding.InspectionId, "Recommendation 3");
        await admin.CreateResponseAsync(finding.Id);
        await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        await admin.CreateResponseAsync(other.Id);

        var page = await admin.GetAsync<Page<ForceResponseView>>($"/api/v1/findings/{finding.Id}/responses");

        Assert.Equal(2, page.TotalCount);
        Assert.Equal([CityOfLondon, Lancashire], page.Items.Select(r => r.ForceCode).Order());
        Assert.All(page.Items, r => Assert.Equal(finding.Id, r.FindingId));
        Assert.Null(page.NextCursor);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_keeps_one_response_per_finding(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        await admin.CreateResponseAsync(finding.Id);

        var problem = await (await admin.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response()))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("already has a response", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_cannot_respond_to_a_finding_that_does_not_concern_it(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync(TestData.Inspection(forcesInScope: [Lancashire]));
        var forLancashire = await host.CreateFindingAsync(inspection.Id, "Recommendation 1", forceCode: Lancashire);
        var forChiefConstables = await host.CreateFindingAsync(inspection.Id, "Recommendation 2");

        var named = await (await admin.PostJsonAsync($"/api/v1/findings/{forLancashire.Id}/responses", Response()))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var outOfScope = await (await admin.PostJsonAsync($"/api/v1/findings/{forChiefConstables.Id}/responses", Response()))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("does not concern", named.Detail);
        Assert.Contains("does not concern", outOfScope.Detail);
        await admin.CreateResponseAsync(forLancashire.Id, Response(Lancashire));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_response_to_an_unknown_finding_is_not_found(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var unknown = Guid.NewGuid();

        await (await admin.PostJsonAsync($"/api/v1/findings/{unknown}/responses", Response())).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/findings/{unknown}/responses", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_response_for_an_unknown_force_is_refused_on_its_force_code(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();

        var problem = await (await host.AdminClient().PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response("atlantis")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("atlantis", Assert.Single(problem.Errors!["forceCode"]));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_invalid_response_is_refused_field_by_field(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();
        var request = Response("") with
        {
            OwnerName = new string('x', Lengths.Name + 1),
            GovernanceBoard = new string('x', Lengths.Name + 1),
            Constraints = new string('x', Lengths.LongText + 1),
        };

        var problem = await (await host.AdminClient().PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", request))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["constraints", "forceCode", "governanceBoard", "ownerName"], problem.Errors!.Keys.Order());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Revising_a_response_replaces_its_owner_governance_and_dates_but_not_its_force(Provider provider)
    {
        var host = await hosts.For(provider);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var created = await editor.CreateResponseAsync((await host.CreateFindingAsync()).Id);

        var revised = Response() with
        {
            OwnerName = "Detective Chief Inspector Records",
            GovernanceBoard = "HMICFRS Board",
            Constraints = null,
            NextReviewOn = new DateOnly(2016, 9, 1),
        };
        var updated = await (await editor.PutJsonAsync($"/api/v1/responses/{created.Id}", revised)).ReadAsync<ForceResponseView>();

        Assert.Equal("Detective Chief Inspector Records", updated.OwnerName);
        Assert.Equal("HMICFRS Board", updated.GovernanceBoard);
        Assert.Null(updated.Constraints);
        Assert.Equal(new DateOnly(2016, 9, 1), updated.NextReviewOn);
        Assert.Equal("Recommendation 8", updated.FindingReference);
        Assert.True(updated.Version > created.Version);
        var read = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{created.Id}");
        Assert.Equal((updated.OwnerName, updated.GovernanceBoard, updated.Version), (read.OwnerName, read.GovernanceBoard, read.Version));

        var moved = await (await host.AdminClient().PutJsonAsync($"/api/v1/responses/{created.Id}", revised with { ForceCode = Lancashire }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(CityOfLondon, moved.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_unknown_response_is_not_found(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var unknown = Guid.NewGuid();

        await (await admin.GetAsync($"/api/v1/responses/{unknown}", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"/api/v1/responses/{unknown}", Response())).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Responses_are_listed_by_inspection_finding_force_status_and_rag(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var recommendation8 = await host.CreateFindingAsync();
        var recommendation3 = await host.CreateFindingAsync(recommendation8.InspectionId, "Recommendation 3");
        var city8 = await admin.CreateResponseAsync(recommendation8.Id);
        var lancashire8 = await admin.CreateResponseAsync(recommendation8.Id, Response(Lancashire));
        var city3 = await admin.CreateResponseAsync(recommendation3.Id);
        await admin.RecordUpdateAsync(city8.Id, Update(new DateOnly(2015, 10, 21), ResponseStatus.InProgress, Rag.Amber));
        await admin.RecordUpdateAsync(lancashire8.Id, Update(new DateOnly(2015, 10, 31), ResponseStatus.Implemented, Rag.Green));

        async Task<IEnumerable<Guid>> Listed(string filters) =>
            (await admin.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?inspectionId={recommendation8.InspectionId}{filters}"))
            .Items.Select(r => r.Id);

        Assert.Equal([city8.Id, lancashire8.Id, city3.Id], await Listed(""));
        Assert.Equal([city8.Id, lancashire8.Id], await Listed($"&findingId={recommendation8.Id}"));
        Assert.Equal([city8.Id, city3.Id], await Listed($"&forceCode={CityOfLondon}"));
        Assert.Equal([city3.Id], await Listed("&status=NotAssessed"));
        Assert.Equal([lancashire8.Id], await Listed("&rag=Green"));
        Assert.Equal([city8.Id], await Listed($"&forceCode={CityOfLondon}&status=InProgress&rag=Amber"));
        Assert.Empty(await Listed($"&findingId={recommendation3.Id}&rag=Red"));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Pages_of_responses_follow_each_other_without_repeats(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        string[] forces = [CityOfLondon, Lancashire, "cheshire", "cambridgeshire", "leicestershire"];
        foreach (var force in forces)
        {
            await admin.CreateResponseAsync(finding.Id, Response(force));
        }

        var url = $"/api/v1/findings/{finding.Id}/responses?limit=2";
        var first = await admin.GetAsync<Page<ForceResponseView>>(url);
        var second = await admin.GetAsync<Page<ForceResponseView>>($"{url}&cursor={first.NextCursor}");
        var third = await admin.GetAsync<Page<ForceResponseView>>($"{url}&cursor={second.NextCursor}");

        Assert.Equal(5, first.TotalCount);
        Assert.Equal(forces, first.Items.Concat(second.Items).Concat(third.Items).Select(r => r.ForceCode));
        Assert.Null(third.NextCursor);
        var badPaging = await (await admin.GetAsync($"/api/v1/responses?limit=0&cursor=not-ours", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["cursor", "limit"], badPaging.Errors!.Keys.Order());
    }
}
