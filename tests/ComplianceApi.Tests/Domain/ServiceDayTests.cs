using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceApi.Tests.Domain;

/// <summary>The service's day is the day in England and Wales, in summer time and out of it.</summary>
public sealed class ServiceDayTests(TestHosts hosts)
{
    // 00:30 British Summer Time on 15 July 2026 is 23:30 UTC on the 14th.
    private static readonly DateTimeOffset HalfPastMidnightInSummer = new(2026, 7, 14, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void At_half_past_midnight_in_summer_time_today_is_the_date_in_London_not_the_UTC_date()
    {
        Assert.Equal(new DateOnly(2026, 7, 15), new FixedClock(HalfPastMidnightInSummer).Today());
        Assert.Equal(new DateOnly(2026, 7, 15), ServiceDay.DateAt(HalfPastMidnightInSummer));
    }

    [Fact]
    public void In_winter_the_date_in_London_is_the_UTC_date()
    {
        Assert.Equal(new DateOnly(2026, 11, 21), new FixedClock(new DateTimeOffset(2026, 11, 21, 23, 30, 0, TimeSpan.Zero)).Today());
        Assert.Equal(new DateOnly(2026, 11, 22), new FixedClock(new DateTimeOffset(2026, 11, 22, 0, 30, 0, TimeSpan.Zero)).Today());
    }

    [Fact]
    public void A_day_in_summer_begins_at_midnight_in_London_which_is_eleven_at_night_UTC()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 23, 0, 0, TimeSpan.Zero), ServiceDay.StartOf(new DateOnly(2026, 7, 15)));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), ServiceDay.StartOf(new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public async Task At_half_past_midnight_in_summer_time_the_service_judges_responses_on_the_London_date()
    {
        var host = await hosts.For(Provider.Sqlite);
        await using var instance = host.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(HalfPastMidnightInSummer))));
        var admin = instance.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);
        var finding = await host.CreateFindingAsync();
        await host.AdminClient().CreateResponseAsync(finding.Id);

        var page = await admin.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?findingId={finding.Id}");

        Assert.Equal(new DateOnly(2026, 7, 15), Assert.Single(page.Items).AsOf);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
