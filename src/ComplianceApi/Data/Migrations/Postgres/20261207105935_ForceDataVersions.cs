using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceApi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ForceDataVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ForceDataVersions",
                columns: table => new
                {
                    ForceCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForceDataVersions", x => x.ForceCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ForceDataVersions");
        }
    }
}
