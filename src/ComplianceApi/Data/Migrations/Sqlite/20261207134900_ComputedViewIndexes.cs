using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceApi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComputedViewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressUpdates_ResponseId_EffectiveOn_RecordedAt",
                table: "ProgressUpdates");

            migrationBuilder.DropIndex(
                name: "IX_ForceResponses_ForceCode_Id",
                table: "ForceResponses");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ResponseId",
                table: "Evidence");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdates_ResponseId_EffectiveOn_RecordedAt_State",
                table: "ProgressUpdates",
                columns: new[] { "ResponseId", "EffectiveOn", "RecordedAt", "Status", "Rag" });

            migrationBuilder.CreateIndex(
                name: "IX_ForceResponses_ForceCode_Id_State",
                table: "ForceResponses",
                columns: new[] { "ForceCode", "Id", "TrackedSince", "FindingId", "Status", "Rag", "RevisedTargetDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ResponseId_Counting",
                table: "Evidence",
                columns: new[] { "ResponseId", "ReviewState", "ExpiresOn", "Date", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressUpdates_ResponseId_EffectiveOn_RecordedAt_State",
                table: "ProgressUpdates");

            migrationBuilder.DropIndex(
                name: "IX_ForceResponses_ForceCode_Id_State",
                table: "ForceResponses");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ResponseId_Counting",
                table: "Evidence");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdates_ResponseId_EffectiveOn_RecordedAt",
                table: "ProgressUpdates",
                columns: new[] { "ResponseId", "EffectiveOn", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ForceResponses_ForceCode_Id",
                table: "ForceResponses",
                columns: new[] { "ForceCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ResponseId",
                table: "Evidence",
                column: "ResponseId");
        }
    }
}
