namespace ComplianceApi.Support;

/// <summary>Maximum lengths shared by the schema, the validators and the contract.</summary>
public static class Lengths
{
    public const int Code = 60;
    public const int EnumName = 40;
    public const int Reference = 120;
    public const int Name = 200;
    public const int Title = 400;
    public const int Url = 2000;
    public const int LongText = 20000;
}
