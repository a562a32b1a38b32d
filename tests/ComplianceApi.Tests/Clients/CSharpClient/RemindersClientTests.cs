using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class RemindersClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task The_reminders_digest_lists_an_overdue_response_and_its_review_under_its_owner(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var finding = await admin.CreateRecommendation8Async();
        var response = await admin.Responses.CreateForceResponseAsync(finding.Id, Response(), cancellationToken: Ct);

        var digest = await admin.Reminders.GetRemindersAsync(withinDays: 7, forceCode: CityOfLondon, cancellationToken: Ct);

        var owner = Assert.Single(digest.Owners, o => o.Items.Any(i => i.Id == response.Id));
        Assert.Equal(("Detective Superintendent Information Management", "Head of Information Management"), (owner.OwnerName, owner.OwnerRole));
        Assert.Equal([(ReminderReason.Overdue, new DateOnly(2015, 7, 2)), (ReminderReason.ReviewDue, new DateOnly(2016, 3, 1))],
            owner.Items.Where(i => i.Id == response.Id).Select(i => (i.Reason, i.Date)));
        Assert.Equal(7, digest.WithinDays);
    }
}
