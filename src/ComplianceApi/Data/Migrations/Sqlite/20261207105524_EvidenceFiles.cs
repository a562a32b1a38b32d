using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceApi.Data.Migrations.Sqlite
{
    /// <summary>
    /// Evidence files (versions and their chunks) and evidence reviews. Evidence recorded before reviews
    /// existed becomes accepted (the column's default), reviewed when it was recorded, so no rule-based RAG
    /// changes on upgrade.
    /// </summary>
    public partial class EvidenceFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpiresOn",
                table: "Evidence",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewReason",
                table: "Evidence",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewState",
                table: "Evidence",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Accepted");

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "Evidence",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "Evidence",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByClient",
                table: "Evidence",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.Sql("""UPDATE "Evidence" SET "ReviewedAt" = "RecordedAt";""");
            // Views of evidence changed: pages cached by an instance still running the old version must not be served.
            migrationBuilder.Sql("""UPDATE "DataVersions" SET "Stamp" = '3B8E2F4D-6C1A-4E9B-8D27-5A0F1C3E9B64';""");

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChunkSize = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedByClient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    QuarantinedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_Evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFileChunks",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFileChunks", x => new { x.FileId, x.Index });
                    table.ForeignKey(
                        name: "FK_EvidenceFileChunks_EvidenceFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "EvidenceFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_CheckedAt",
                table: "EvidenceFiles",
                column: "CheckedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_EvidenceId_Version",
                table: "EvidenceFiles",
                columns: new[] { "EvidenceId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceFileChunks");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "ExpiresOn",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "ReviewReason",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "ReviewedByClient",
                table: "Evidence");
        }
    }
}
