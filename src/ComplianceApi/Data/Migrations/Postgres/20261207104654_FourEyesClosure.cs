using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceApi.Data.Migrations.Postgres
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
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOff",
                table: "ForceResponses",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignOffDecidedAt",
                table: "ForceResponses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffDecidedBy",
                table: "ForceResponses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffDecidedByName",
                table: "ForceResponses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignOffRequestedAt",
                table: "ForceResponses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffRequestedBy",
                table: "ForceResponses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffRequestedByName",
                table: "ForceResponses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffReturnsTo",
                table: "ForceResponses",
                type: "character varying(40)",
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
