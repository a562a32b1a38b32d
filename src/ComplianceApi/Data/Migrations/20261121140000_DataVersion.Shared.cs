using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplianceApi.Data.Migrations;

/// <summary>
/// The one-row table whose stamp every write changes in its own transaction (<see cref="DataVersion"/>),
/// so that every instance of the service can tell cheaply whether a cached page still holds.
/// </summary>
/// <remarks>A later migration that changes rows must change the stamp too: <c>UPDATE "DataVersions" SET "Stamp" = ...</c>.</remarks>
public abstract class DataVersionTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Stamp = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataVersions", x => x.Id));

        // Upper case, as EF writes a Guid on SQLite; PostgreSQL reads a uuid in either case.
        migrationBuilder.Sql($"""INSERT INTO "DataVersions" ("Id", "Stamp") VALUES ({DataVersion.RowId}, '{DataVersion.InitialStamp.ToString().ToUpperInvariant()}');""");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("DataVersions");
}
