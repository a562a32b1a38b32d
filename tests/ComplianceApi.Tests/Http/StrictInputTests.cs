using System.Net;
using System.Text;
using ComplianceApi.Features.Findings;
using ComplianceApi.Http;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Http;

/// <summary>
/// A body or query the contract does not describe is refused with 400 naming the field, and nothing is stored:
/// a misspelt field silently ignored, an enum sent as its number or text holding NUL would otherwise be
/// stored wrong, or, on PostgreSQL, refused with a 500 after the work was done.
/// </summary>
public sealed class StrictInputTests(TestHosts hosts)
{
    private const string Finding =
        """{"reference":"Recommendation 8","kind":"Recommendation","text":"Immediately, forces should ...","businessArea":"InformationManagement","addressees":[{"kind":"ChiefConstables","name":"Chief constables"}]""";

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_field_the_contract_does_not_have_is_refused_by_name_and_nothing_is_stored(Provider provider)
    {
        var (admin, inspectionId) = await InspectionAsync(provider);

        var problem = await (await PostAsync(admin, inspectionId, Finding + ""","deadline":"Immediately"}"""))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["deadline"], problem.Errors!.Keys.ToArray());
        Assert.Contains("deadline", problem.Detail, StringComparison.Ordinal);
        await AssertNoFindingsAsync(admin, inspectionId);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_field_the_contract_does_not_have_inside_a_list_is_named_by_its_path(Provider provider)
    {
        var (admin, inspectionId) = await InspectionAsync(provider);

        var problem = await (await PostAsync(admin, inspectionId, Finding.Replace("\"name\":\"Chief constables\"", "\"name\":\"Chief constables\",\"email\":\"x@example.org\"", StringComparison.Ordinal) + "}"))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["addressees[0].email"], problem.Errors!.Keys.ToArray());
        await AssertNoFindingsAsync(admin, inspectionId);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_enum_sent_as_its_number_is_refused(Provider provider)
    {
        var (admin, inspectionId) = await InspectionAsync(provider);

        var problem = await (await PostAsync(admin, inspectionId, Finding.Replace("\"kind\":\"Recommendation\"", "\"kind\":1", StringComparison.Ordinal) + "}"))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["kind"], problem.Errors!.Keys.ToArray());
        await AssertNoFindingsAsync(admin, inspectionId);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Text_holding_NUL_or_another_control_character_is_refused_but_tabs_and_new_lines_are_kept(Provider provider)
    {
        var (admin, inspectionId) = await InspectionAsync(provider);

        foreach (var control in new[] { "\\u0000", "\\u0007", "\\u001b" })
        {
            var problem = await (await PostAsync(admin, inspectionId, Finding.Replace("forces should", "forces" + control + "should", StringComparison.Ordinal) + "}"))
                .ReadProblemAsync(HttpStatusCode.BadRequest);

            Assert.Equal([PlainText.RefusedMessage], problem.Errors!["text"]);
        }

        await AssertNoFindingsAsync(admin, inspectionId);

        var created = await PostAsync(admin, inspectionId, Finding.Replace("forces should", "forces\\tshould\\r\\n", StringComparison.Ordinal) + "}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_write_sent_without_a_body_is_told_it_needs_one_and_nothing_is_stored(Provider provider)
    {
        var (admin, inspectionId) = await InspectionAsync(provider);

        foreach (var content in new HttpContent[] { new StringContent("", Encoding.UTF8, "application/json"), new ByteArrayContent([]) })
        {
            using var response = await admin.PostAsync($"/api/v1/inspections/{inspectionId}/findings", content, TestContext.Current.CancellationToken);
            var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);

            Assert.Equal("This operation needs a JSON body; see the contract for its fields.", problem.Detail);
        }

        await AssertNoFindingsAsync(admin, inspectionId);
    }

    [Theory]
    [InlineData("status=99", "status")]
    [InlineData("status=1", "status")]
    [InlineData("asOf=2/3/2015", "asOf")]
    [InlineData("asOf=Jan%202", "asOf")]
    [InlineData("asOf=2015-02-30", "asOf")]
    [InlineData("dueFrom=2015-1-5", "dueFrom")]
    [InlineData("forceCode=kent&forceCode=lancashire", "forceCode")]
    [InlineData("q=fire%00arms", "q")]
    public async Task A_query_value_the_contract_does_not_allow_is_refused_by_name(string query, string field)
    {
        var admin = (await hosts.For(Provider.Sqlite)).AdminClient();

        var problem = await (await admin.GetAsync($"/api/v1/responses?{query}", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], problem.Errors!.Keys.ToArray());
    }

    [Theory]
    [InlineData("status=InProgress&asOf=2015-10-21")]
    [InlineData("status=Closed&dueFrom=2016-02-29&dueTo=2016-03-31")]
    [InlineData("forceCode=kent&q=tab%09and%0Anew%20line")]
    public async Task Query_values_as_the_contract_writes_them_are_taken(string query)
    {
        var admin = (await hosts.For(Provider.Sqlite)).AdminClient();

        var response = await admin.GetAsync($"/api/v1/responses?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(HttpClient Admin, Guid InspectionId)> InspectionAsync(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync();
        return (admin, inspection.Id);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid inspectionId, string json) =>
        client.PostAsync($"/api/v1/inspections/{inspectionId}/findings", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private static async Task AssertNoFindingsAsync(HttpClient admin, Guid inspectionId) =>
        Assert.Equal(0, (await admin.GetAsync<Page<FindingView>>($"/api/v1/findings?inspectionId={inspectionId}")).TotalCount);
}
