using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Forces;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.Forces;

public sealed class ForcesTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_forty_three_territorial_forces_ship_as_reference_data(Provider provider)
    {
        var reader = await (await hosts.For(provider)).ClientAsync(ApiKeyRole.Reader, "lancashire");

        var territorial = await reader.GetAsync<List<ForceView>>("/api/v1/forces?kind=Territorial");

        Assert.Equal(43, territorial.Count);
        Assert.Contains(territorial, f => f is { Code: "city-of-london", Name: "City of London Police" });
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_collaboration_groups_its_member_forces(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        var bch = await admin.GetAsync<ForceView>("/api/v1/forces/bch");

        Assert.Equal(ForceKind.Collaboration, bch.Kind);
        Assert.Equal(["bedfordshire", "cambridgeshire", "hertfordshire"], bch.MemberCodes);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_admin_adds_a_collaboration_and_changes_its_members(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var code = Unique.Slug("emsou");
        var request = new ForceRequest(code, $"East Midlands {code}", ForceKind.Collaboration, ["leicestershire", "derbyshire"]);

        var created = await (await admin.PostJsonAsync("/api/v1/forces", request)).ReadAsync<ForceView>(HttpStatusCode.Created);
        Assert.Equal(["derbyshire", "leicestershire"], created.MemberCodes);

        var updated = await (await admin.PutJsonAsync($"/api/v1/forces/{code}", request with { MemberCodes = ["nottinghamshire"] })).ReadAsync<ForceView>();
        Assert.Equal(["nottinghamshire"], updated.MemberCodes);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Only_a_collaboration_has_members(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var code = Unique.Slug("new-force");

        var problem = await (await admin.PostJsonAsync("/api/v1/forces", new ForceRequest(code, code, ForceKind.Territorial, ["kent"])))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("collaboration", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_with_a_malformed_code_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        var problem = await (await admin.PostJsonAsync("/api/v1/forces", new ForceRequest("Kent Police!", "Kent", ForceKind.Territorial, null)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("code", problem.Errors!.Keys);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_unknown_force_is_not_found(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        await (await admin.GetAsync("/api/v1/forces/atlantis", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_editor_cannot_change_reference_data(Provider provider)
    {
        var editor = await (await hosts.For(provider)).ClientAsync(ApiKeyRole.Editor, "kent");

        await (await editor.PutJsonAsync("/api/v1/forces/kent", new ForceRequest("kent", "Kent", ForceKind.Territorial, null)))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
