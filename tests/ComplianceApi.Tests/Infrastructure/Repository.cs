namespace ComplianceApi.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the contract, the generated clients and the npm tools live there.</summary>
public static class Repository
{
    /// <summary>The folder holding ComplianceApi.sln (and package.json), found above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null
            && !(File.Exists(Path.Combine(directory.FullName, "ComplianceApi.sln")) && File.Exists(Path.Combine(directory.FullName, "package.json"))))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ComplianceApi.sln and package.json not found above the test binaries.");
    }
}
