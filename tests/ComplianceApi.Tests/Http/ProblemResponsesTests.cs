using System.Net;
using System.Text;
using ComplianceApi.Domain;
using ComplianceApi.Features.Gradings;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Http;

/// <summary>Bad input of every shape gets an RFC 9457 problem that says what to fix, and stores nothing.</summary>
public sealed class ProblemResponsesTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_grading_sent_without_its_grade_is_refused_not_stored_as_outstanding(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(TestData.Inspection(forcesInScope: ["kent"], type: InspectionType.CrimeDataIntegrity));

        var problem = await (await PostRawAsync(admin, $"/api/v1/inspections/{inspection.Id}/gradings", """{"forceCode":"kent"}"""))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["givenOn", "grade"], problem.Errors!.Keys.Order().ToArray());
        var gradings = await admin.GetAsync<ComplianceApi.Support.Page<GradingView>>($"/api/v1/gradings?inspectionId={inspection.Id}");
        Assert.Equal(0, gradings.TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_missing_field_inside_a_list_is_named_by_its_path(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync();

        var problem = await (await PostRawAsync(admin, $"/api/v1/inspections/{inspection.Id}/findings",
                """{"reference":"Recommendation 8","kind":"Recommendation","text":"Immediately, ...","businessArea":"InformationManagement","addressees":[{"name":"Chief constables"}]}"""))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["addressees[0].kind"], problem.Errors!.Keys.ToArray());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_enum_value_the_service_does_not_know_is_refused_at_its_field(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(TestData.Inspection(forcesInScope: ["kent"], type: InspectionType.CrimeDataIntegrity));

        var problem = await (await PostRawAsync(admin, $"/api/v1/inspections/{inspection.Id}/gradings",
                """{"forceCode":"kent","grade":"Excellent","givenOn":"2017-09-07"}"""))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["grade"], problem.Errors!.Keys.ToArray());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_body_that_is_not_json_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        var problem = await (await PostRawAsync(admin, "/api/v1/inspections", """{"reference": "building-the""")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(problem.Errors);
    }

    [Fact]
    public async Task A_revoked_or_made_up_key_is_told_why_it_was_refused()
    {
        var host = await hosts.For(Provider.Sqlite);

        var response = await host.ClientWithKey("cak_made-up").GetAsync("/api/v1/forces", TestContext.Current.CancellationToken);
        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("not recognised", problem.Detail);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
