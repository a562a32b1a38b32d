using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplianceApi.Data.Migrations;

/// <summary>
/// The first schema. The 1.x migrations (the *.Shared.cs files) were written by hand for both providers,
/// before EF's design-time tools could be restored here: this one as SQL per provider (generated once from
/// the model and frozen), later ones with MigrationBuilder. Each provider's chain (Sqlite/, Postgres/)
/// declares them under their ids. MigrationsTests proves that what the migrations build equals the EF model.
/// </summary>
public abstract class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(MigrationScripts.Read("20261121000000_InitialSchema", migrationBuilder.ActiveProvider));

        // Plain SQL that both providers accept: InsertData would need the model snapshot we do not keep.
        migrationBuilder.Sql(InsertRows("Forces", ["Code", "Name", "Kind"], ReferenceForces()));
        migrationBuilder.Sql(InsertRows("CollaborationMemberships", ["CollaborationCode", "MemberCode"],
            [["bch", "bedfordshire"], ["bch", "cambridgeshire"], ["bch", "hertfordshire"]]));
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("The first schema is not rolled back; restore a backup instead.");

    /// <summary>The 43 territorial forces of England and Wales, the national forces, and one collaboration.</summary>
    private static IEnumerable<string[]> ReferenceForces()
    {
        string[] territorial =
        [
            "avon-and-somerset|Avon and Somerset Constabulary", "bedfordshire|Bedfordshire Police",
            "cambridgeshire|Cambridgeshire Constabulary", "cheshire|Cheshire Constabulary", "city-of-london|City of London Police",
            "cleveland|Cleveland Police", "cumbria|Cumbria Constabulary", "derbyshire|Derbyshire Constabulary",
            "devon-and-cornwall|Devon and Cornwall Police", "dorset|Dorset Police", "durham|Durham Constabulary",
            "dyfed-powys|Dyfed-Powys Police", "essex|Essex Police", "gloucestershire|Gloucestershire Constabulary",
            "greater-manchester|Greater Manchester Police", "gwent|Gwent Police", "hampshire|Hampshire and Isle of Wight Constabulary",
            "hertfordshire|Hertfordshire Constabulary", "humberside|Humberside Police", "kent|Kent Police",
            "lancashire|Lancashire Constabulary", "leicestershire|Leicestershire Police", "lincolnshire|Lincolnshire Police",
            "merseyside|Merseyside Police", "metropolitan|Metropolitan Police Service", "norfolk|Norfolk Constabulary",
            "north-wales|North Wales Police", "north-yorkshire|North Yorkshire Police", "northamptonshire|Northamptonshire Police",
            "northumbria|Northumbria Police", "nottinghamshire|Nottinghamshire Police", "south-wales|South Wales Police",
            "south-yorkshire|South Yorkshire Police", "staffordshire|Staffordshire Police", "suffolk|Suffolk Constabulary",
            "surrey|Surrey Police", "sussex|Sussex Police", "thames-valley|Thames Valley Police", "warwickshire|Warwickshire Police",
            "west-mercia|West Mercia Police", "west-midlands|West Midlands Police", "west-yorkshire|West Yorkshire Police",
            "wiltshire|Wiltshire Police",
        ];
        string[] national =
        [
            "british-transport-police|British Transport Police", "ministry-of-defence-police|Ministry of Defence Police",
            "civil-nuclear-constabulary|Civil Nuclear Constabulary",
        ];
        string[] collaboration = ["bch|Bedfordshire, Cambridgeshire and Hertfordshire"];

        return territorial.Select(f => f.Split('|').Append("Territorial").ToArray())
            .Concat(national.Select(f => f.Split('|').Append("National").ToArray()))
            .Concat(collaboration.Select(f => f.Split('|').Append("Collaboration").ToArray()));
    }

    private static string InsertRows(string table, string[] columns, IEnumerable<string[]> rows) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES\n"
        + string.Join(",\n", rows.Select(row => $"({string.Join(", ", row.Select(v => $"'{v.Replace("'", "''", StringComparison.Ordinal)}'"))})"))
        + ";";
}

internal static class MigrationScripts
{
    /// <summary>Reads the embedded SQL script of a migration for the provider applying it.</summary>
    public static string Read(string migration, string? provider)
    {
        var dialect = provider switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => "sqlite",
            "Npgsql.EntityFrameworkCore.PostgreSQL" => "postgres",
            _ => throw new NotSupportedException($"No migration scripts are written for provider '{provider}'."),
        };
        var name = $"ComplianceApi.Data.Migrations.{migration}.{dialect}.sql";
        using var stream = typeof(MigrationScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The migration script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
