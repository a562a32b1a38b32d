namespace ComplianceApi.Tests.Infrastructure;

public static class Unique
{
    /// <summary>A slug no other test uses, so tests sharing a host never see each other's records.</summary>
    public static string Slug(string stem) => $"{stem}-{Guid.NewGuid():N}"[..Math.Min(stem.Length + 13, 120)];
}
