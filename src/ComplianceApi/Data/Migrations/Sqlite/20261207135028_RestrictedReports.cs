using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceApi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RestrictedReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InspectionCirculation",
                columns: table => new
                {
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionCirculation", x => new { x.InspectionId, x.ForceCode });
                    table.ForeignKey(
                        name: "FK_InspectionCirculation_Forces_ForceCode",
                        column: x => x.ForceCode,
                        principalTable: "Forces",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionCirculation_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionCirculation_ForceCode",
                table: "InspectionCirculation",
                column: "ForceCode");

            // Forces saw a restricted report before circulation was recorded: it stays with the forces in its
            // scope (every force but a collaboration, for a report to all), so no force loses what it could read.
            migrationBuilder.Sql("""
                INSERT INTO "InspectionCirculation" ("InspectionId", "ForceCode")
                SELECT i."Id", f."ForceCode" FROM "Inspections" i JOIN "InspectionForce" f ON f."InspectionId" = i."Id"
                WHERE i."PublicationStatus" = 'Restricted' AND NOT i."AllForcesInScope"
                UNION
                SELECT i."Id", c."Code" FROM "Inspections" i CROSS JOIN "Forces" c
                WHERE i."PublicationStatus" = 'Restricted' AND i."AllForcesInScope" AND c."Kind" <> 'Collaboration'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InspectionCirculation");
        }
    }
}
