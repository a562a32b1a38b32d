namespace ComplianceApi.Cli.Common;

/// <summary>
/// The command cannot run as given (exit code 2). The message is shown as it is, so it must never hold
/// the API key.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
