using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceApi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LatestUpdateInIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ForceResponses_ForceCode_Id_State",
                table: "ForceResponses");

            migrationBuilder.CreateIndex(
                name: "IX_ForceResponses_ForceCode_Id_State",
                table: "ForceResponses",
                columns: new[] { "ForceCode", "Id", "TrackedSince", "FindingId", "Status", "Rag", "RevisedTargetDate", "StatusEffectiveOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ForceResponses_ForceCode_Id_State",
                table: "ForceResponses");

            migrationBuilder.CreateIndex(
                name: "IX_ForceResponses_ForceCode_Id_State",
                table: "ForceResponses",
                columns: new[] { "ForceCode", "Id", "TrackedSince", "FindingId", "Status", "Rag", "RevisedTargetDate" });
        }
    }
}
