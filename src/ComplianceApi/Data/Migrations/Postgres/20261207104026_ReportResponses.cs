using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceApi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    BodyKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BodyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReportPublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublicationDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CommentsRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentsDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentsReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedAt = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportResponses_Forces_ForceCode",
                        column: x => x.ForceCode,
                        principalTable: "Forces",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportResponses_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationResponse",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationResponse", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationResponse_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecommendationResponse_ReportResponses_ReportResponseId",
                        column: x => x.ReportResponseId,
                        principalTable: "ReportResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationResponse_FindingId",
                table: "RecommendationResponse",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationResponse_ReportResponseId_FindingId",
                table: "RecommendationResponse",
                columns: new[] { "ReportResponseId", "FindingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportResponses_ForceCode",
                table: "ReportResponses",
                column: "ForceCode");

            migrationBuilder.CreateIndex(
                name: "IX_ReportResponses_InspectionId_ForceCode",
                table: "ReportResponses",
                columns: new[] { "InspectionId", "ForceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportResponses_PublishedOn_PublicationDueOn",
                table: "ReportResponses",
                columns: new[] { "PublishedOn", "PublicationDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecommendationResponse");

            migrationBuilder.DropTable(
                name: "ReportResponses");
        }
    }
}
