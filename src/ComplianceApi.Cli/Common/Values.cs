using System.CommandLine.Parsing;
using System.Globalization;

namespace ComplianceApi.Cli.Common;

/// <summary>Parsers for ids and dates that say what was expected, instead of naming a .NET type.</summary>
public static class Values
{
    public static Guid? Id(ArgumentResult result)
    {
        var token = result.Tokens.Single().Value;
        if (Guid.TryParse(token, out var id))
        {
            return id;
        }

        result.AddError($"'{token}' is not an id; ids look like 7c9e6679-7425-40de-944b-e07fc1f90ae7.");
        return null;
    }

    public static DateOnly? Date(ArgumentResult result)
    {
        var token = result.Tokens.Single().Value;
        if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"'{token}' is not a date written yyyy-MM-dd, such as 2016-01-07.");
        return null;
    }
}
