using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceApi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Tags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TagKeys",
                table: "ForceResponses",
                type: "character varying(420)",
                maxLength: 420,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TagText",
                table: "ForceResponses",
                type: "character varying(420)",
                maxLength: 420,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TagKeys",
                table: "Findings",
                type: "character varying(420)",
                maxLength: 420,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TagText",
                table: "Findings",
                type: "character varying(420)",
                maxLength: 420,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TagKeys",
                table: "ForceResponses");

            migrationBuilder.DropColumn(
                name: "TagText",
                table: "ForceResponses");

            migrationBuilder.DropColumn(
                name: "TagKeys",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "TagText",
                table: "Findings");
        }
    }
}
