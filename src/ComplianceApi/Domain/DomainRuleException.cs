namespace ComplianceApi.Domain;

/// <summary>A request that is well formed but breaks a rule of the domain; surfaces as 409.</summary>
public sealed class DomainRuleException(string message) : Exception(message);
