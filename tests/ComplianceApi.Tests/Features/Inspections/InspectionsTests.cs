using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Inspections;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.Inspections;

public sealed class InspectionsTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_admin_records_an_inspection_and_reads_it_back(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var request = TestData.Inspection(allForcesInScope: false, forcesInScope: ["lancashire", "city-of-london"]);

        var response = await admin.PostJsonAsync("/api/v1/inspections", request);
        var created = await response.ReadAsync<InspectionView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/inspections/{created.Id}", response.Headers.Location?.OriginalString);
        var read = await admin.GetAsync<InspectionView>($"/api/v1/inspections/{created.Id}");
        Assert.Equal(request.Reference, read.Reference);
        Assert.Equal(new DateOnly(2015, 7, 2), read.PublishedOn);
        Assert.Equal(["city-of-london", "lancashire"], read.ForcesInScope);
        Assert.Equal(InspectionType.NationalThematic, read.Type);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Correcting_an_inspection_replaces_its_details_but_not_its_reference(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var created = await admin.CreateInspectionAsync();

        var corrected = TestData.Inspection(created.Reference) with { PublicationStatus = PublicationStatus.Restricted, Title = "Real lives, real crime" };
        var updated = await (await admin.PutJsonAsync($"/api/v1/inspections/{created.Id}", corrected)).ReadAsync<InspectionView>();
        Assert.Equal(PublicationStatus.Restricted, updated.PublicationStatus);
        Assert.Equal("Real lives, real crime", updated.Title);

        var renamed = corrected with { Reference = Unique.Slug("other") };
        var problem = await (await admin.PutJsonAsync($"/api/v1/inspections/{created.Id}", renamed)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(created.Reference, problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_second_inspection_with_the_same_reference_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var first = await admin.CreateInspectionAsync();

        var problem = await (await admin.PostJsonAsync("/api/v1/inspections", TestData.Inspection(first.Reference))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("already exists", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_invalid_inspection_is_refused_field_by_field(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var request = TestData.Inspection("Not A Slug", allForcesInScope: false, forcesInScope: ["atlantis"]) with { Title = "" };

        var problem = await (await admin.PostJsonAsync("/api/v1/inspections", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("reference", problem.Errors!.Keys);
        Assert.Contains("title", problem.Errors.Keys);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_inspection_naming_an_unknown_force_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        var problem = await (await admin.PostJsonAsync("/api/v1/inspections", TestData.Inspection(forcesInScope: ["atlantis"])))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("atlantis", Assert.Single(problem.Errors!["forcesInScope"]));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_unknown_inspection_is_not_found(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        await (await admin.GetAsync($"/api/v1/inspections/{Guid.NewGuid()}", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Pages_of_inspections_follow_each_other_without_repeats_even_as_records_are_added(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        // A force of its own: the hosts are shared, and other tests record inspections of real forces.
        var force = await ForceScenario.NewForceAsync(admin);
        var forceReports = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            forceReports.Add((await admin.CreateInspectionAsync(TestData.Inspection(forcesInScope: [force], type: InspectionType.CrimeDataIntegrity))).Reference);
        }

        var url = $"/api/v1/inspections?type=CrimeDataIntegrity&forceCode={force}&limit=2";
        var first = await admin.GetAsync<Page<InspectionView>>(url);
        await admin.CreateInspectionAsync(TestData.Inspection(forcesInScope: [force], type: InspectionType.CrimeDataIntegrity));
        var second = await admin.GetAsync<Page<InspectionView>>($"{url}&cursor={first.NextCursor}");

        var seen = first.Items.Concat(second.Items).Select(i => i.Reference).ToList();
        Assert.Equal(4, seen.Distinct().Count());
        Assert.True(first.TotalCount >= 5);
        Assert.All(seen.Take(2), reference => Assert.Contains(reference, forceReports));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Only_national_admins_record_inspections(Provider provider)
    {
        var host = await hosts.For(provider);
        var editor = await host.ClientAsync(ApiKeyRole.Editor);
        var forceReader = await host.ClientAsync(ApiKeyRole.Reader, "lancashire");

        await (await editor.PostJsonAsync("/api/v1/inspections", TestData.Inspection())).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await forceReader.PostJsonAsync("/api/v1/inspections", TestData.Inspection())).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await host.AnonymousClient().GetAsync("/api/v1/inspections", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }
}
