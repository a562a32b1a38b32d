namespace ComplianceApi.Support;

/// <summary>
/// The longest string each item of a view's list of strings holds, for lists no entity column or request
/// rule bounds (<c>[MaxLength]</c> on a list bounds its count). Here rather than beside the contract that
/// reads it, so views below the HTTP edge (Data/Responses) can carry it too.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
