using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceApi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChangeFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RecordVersion",
                table: "AuditEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TransactionId",
                table: "AuditEvents",
                type: "bigint",
                nullable: false,
                defaultValueSql: "(pg_current_xact_id()::text)::bigint");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecordVersion",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "TransactionId",
                table: "AuditEvents");
        }
    }
}
