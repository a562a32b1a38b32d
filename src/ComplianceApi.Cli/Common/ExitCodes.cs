namespace ComplianceApi.Cli.Common;

/// <summary>What the tool's exit code tells a script; the README lists the same.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The service refused the request: invalid input (400, 422), a rule of the domain (409), a key that may not do it (401, 403), a record it cannot find (404).</summary>
    public const int Rejected = 1;

    /// <summary>The command line or the configuration is wrong: an unknown option, no address or key, an output file that exists.</summary>
    public const int Usage = 2;

    /// <summary>The service could not be reached, or did not answer in time.</summary>
    public const int Unreachable = 3;
}
