using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceApi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FourEyesClosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SentBackReason",
                table: "ForceResponses",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOff",
                table: "ForceResponses",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignOffDecidedAt",
                table: "ForceResponses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffDecidedBy",
                table: "ForceResponses",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffDecidedByName",
                table: "ForceResponses",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignOffRequestedAt",
                table: "ForceResponses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffRequestedBy",
                table: "ForceResponses",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffRequestedByName",
                table: "ForceResponses",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffReturnsTo",
                table: "ForceResponses",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SentBackReason",
                table: "ForceResponses");

            migrationBuilder.DropColumn(
                name: "SignOff",
                table: "ForceResponses");

            migrationBuilder.DropColumn(
                name: "SignOffDecidedAt",
                table: "ForceResponses");

            migrationBuilder.DropColumn(
                name: "SignOffDecidedBy",
                table: "ForceResponses");

            migrationBuilder.DropColumn(
                name: "SignOffDecidedByName",
                table: "ForceResponses");

            migrationBuilder.DropColumn(
                name: "SignOffRequestedAt",
                table: "ForceResponses");

            migrationBuilder.DropColumn(
                name: "SignOffRequestedBy",
                table: "ForceResponses");

            migrationBuilder.DropColumn(
                name: "SignOffRequestedByName",
                table: "ForceResponses");

            migrationBuilder.DropColumn(
                name: "SignOffReturnsTo",
                table: "ForceResponses");
        }
    }
}
