using ComplianceApi.Domain;
using ComplianceApi.Http;

namespace ComplianceApi.Tests.Http;

public sealed class ApiKeyCacheTests
{
    private static readonly AuthenticatedKey Reader = new(Guid.CreateVersion7(), "Kent dashboard", ApiKeyRole.Reader, "kent", null);

    [Fact]
    public void A_key_is_looked_up_again_once_its_entry_is_older_than_the_lifetime()
    {
        var clock = new SettableClock();
        var cache = new ApiKeyCache(clock);

        cache.Remember("hash", Reader);
        clock.Advance(ApiKeyCache.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(Reader, cache.Find("hash"));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void A_revoked_key_is_forgotten_and_a_lookup_that_raced_the_revocation_cannot_put_it_back()
    {
        var clock = new SettableClock();
        var cache = new ApiKeyCache(clock);
        cache.Remember("hash", Reader);

        cache.Forget("hash");
        Assert.Null(cache.Find("hash"));

        // A request that read the key just before the revocation committed.
        cache.Remember("hash", Reader);
        Assert.Null(cache.Find("hash"));
        Assert.Null(cache.Find("other"));
    }

    private sealed class SettableClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
