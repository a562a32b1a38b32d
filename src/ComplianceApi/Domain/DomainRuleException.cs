namespace ComplianceApi.Domain;

/// <summary>A request that is well formed but breaks a rule of the domain; surfaces as 409.</summary>
public sealed class DomainRuleException(string message) : Exception(message);

/// <summary>
/// A sign-off the four-eyes rule refuses to the caller whatever the response's state: the identity that requested
/// a closure deciding it; surfaces as 403.
/// </summary>
public sealed class FourEyesException(string message) : Exception(message);
