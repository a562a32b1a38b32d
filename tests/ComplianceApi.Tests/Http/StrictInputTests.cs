using System.Net;
using System.Text;
using ComplianceApi.Features.Findings;
using ComplianceApi.Http;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Http;

/// <summary>
/// A body the contract does not describe is refused with 400 naming the field, and nothing is stored:
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
