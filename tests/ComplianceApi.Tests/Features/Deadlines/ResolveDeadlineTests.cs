using System.Net;
using System.Text.Json.Nodes;
using ComplianceApi.Domain;
using ComplianceApi.Features.Deadlines;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.Deadlines;

public sealed class ResolveDeadlineTests(TestHosts hosts)
{
    private static readonly DateOnly BuildingThePicturePublished = new(2015, 7, 2);

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_scoped_reader_previews_what_deadline_words_resolve_to(Provider provider)
    {
        var reader = await (await hosts.For(provider)).ClientAsync(ApiKeyRole.Reader, "lancashire");

        var relative = await (await reader.PostJsonAsync("/api/v1/deadlines/resolve",
            new ResolveDeadlineRequest("Chief constables should, within six months, review their policies", BuildingThePicturePublished)))
            .ReadAsync<DeadlineResolutionView>();
        var month = await (await reader.PostJsonAsync("/api/v1/deadlines/resolve", new ResolveDeadlineRequest("by November 2015", null)))
            .ReadAsync<DeadlineResolutionView>();
        var none = await (await reader.PostJsonAsync("/api/v1/deadlines/resolve", new ResolveDeadlineRequest("Ongoing", null)))
            .ReadAsync<DeadlineResolutionView>();

        Assert.Equal(new DeadlineResolutionView("Chief constables should, within six months, review their policies",
            DeadlineKind.Relative, new DateOnly(2016, 1, 2), DeadlinePrecision.Day), relative);
        Assert.Equal(new DeadlineResolutionView("by November 2015", DeadlineKind.FixedDate, new DateOnly(2015, 11, 30), DeadlinePrecision.Month), month);
        Assert.Equal(new DeadlineResolutionView("Ongoing", DeadlineKind.None, null, null), none);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Words_that_do_not_resolve_are_answered_with_a_422_that_lists_the_understood_forms(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        var response = await admin.PostJsonAsync("/api/v1/deadlines/resolve", new ResolveDeadlineRequest("by spring 2016", BuildingThePicturePublished));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("\"by spring 2016\"", problem.Detail);
        var forms = body["understoodForms"]!.AsArray().Select(f => (string)f!).ToList();
        Assert.Equal(Deadline.UnderstoodForms, forms);
        Assert.Contains(forms, f => f.Contains("\"within six months\"", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Words_counted_from_publication_need_a_publication_date(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        var problem = await (await admin.PostJsonAsync("/api/v1/deadlines/resolve", new ResolveDeadlineRequest("within 3 months of publication", null)))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("counts from the report's publication date, and the report has none", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Words_longer_than_a_deadline_field_are_refused_at_the_field_and_callers_need_a_key(Provider provider)
    {
        var host = await hosts.For(provider);

        var problem = await (await host.AdminClient().PostJsonAsync("/api/v1/deadlines/resolve",
            new ResolveDeadlineRequest(new string('x', Lengths.Name + 1), BuildingThePicturePublished))).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await host.AnonymousClient().PostJsonAsync("/api/v1/deadlines/resolve", new ResolveDeadlineRequest("Immediately", BuildingThePicturePublished)))
            .ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(["text"], problem.Errors!.Keys);
    }
}
