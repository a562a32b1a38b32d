using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceApi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ForceHistoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TargetDateChanges_Force_Fold",
                table: "TargetDateChanges",
                columns: new[] { "ForceCode", "ResponseId", "EffectiveOn", "RecordedAt", "NewTargetDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseRevisions_Force_Fold",
                table: "ResponseRevisions",
                columns: new[] { "ForceCode", "ResponseId", "EffectiveOn", "RecordedAt", "OwnerName", "OwnerRole", "TargetDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_Force_Counting",
                table: "Evidence",
                columns: new[] { "ForceCode", "ResponseId", "ReviewState", "ExpiresOn", "Date", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TargetDateChanges_Force_Fold",
                table: "TargetDateChanges");

            migrationBuilder.DropIndex(
                name: "IX_ResponseRevisions_Force_Fold",
                table: "ResponseRevisions");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_Force_Counting",
                table: "Evidence");
        }
    }
}
