using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplianceApi.Data.Migrations;

/// <summary>
/// Committees, the reports made to them, and the position statements issued with those reports, each
/// statement's lines stored as rows (SQLite 3.35 cannot query into JSON), so that what a committee was
/// told stays on record and the next statement can be compared with it.
/// </summary>
public abstract class CommitteeStatements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Committees",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ForceCode = table.Column<string>(maxLength: 60, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(maxLength: 40, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Committees", x => x.Id);
                table.ForeignKey("FK_Committees_Forces_ForceCode", x => x.ForceCode, "Forces", "Code", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Committees_ForceCode_Name", "Committees", ["ForceCode", "Name"], unique: true);

        migrationBuilder.CreateTable(
            name: "CommitteeReports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommitteeId = table.Column<Guid>(nullable: false),
                ForceCode = table.Column<string>(maxLength: 60, nullable: false),
                Reference = table.Column<string>(maxLength: 120, nullable: false),
                Title = table.Column<string>(maxLength: 400, nullable: true),
                ReportedOn = table.Column<DateOnly>(nullable: false),
                StatementIssuedAt = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommitteeReports", x => x.Id);
                table.ForeignKey("FK_CommitteeReports_Committees_CommitteeId", x => x.CommitteeId, "Committees", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CommitteeReports_CommitteeId_Reference", "CommitteeReports", ["CommitteeId", "Reference"], unique: true);

        migrationBuilder.CreateTable(
            name: "IssuedStatements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommitteeId = table.Column<Guid>(nullable: false),
                ReportId = table.Column<Guid>(nullable: false),
                ForceCode = table.Column<string>(maxLength: 60, nullable: false),
                AsOf = table.Column<DateOnly>(nullable: false),
                PreviousStatementId = table.Column<Guid>(nullable: true),
                IssuedBy = table.Column<string>(maxLength: 200, nullable: false),
                IssuedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IssuedStatements", x => x.Id);
                table.ForeignKey("FK_IssuedStatements_Committees_CommitteeId", x => x.CommitteeId, "Committees", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_IssuedStatements_CommitteeReports_ReportId", x => x.ReportId, "CommitteeReports", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_IssuedStatements_IssuedStatements_PreviousStatementId", x => x.PreviousStatementId, "IssuedStatements", "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_IssuedStatements_CommitteeId_AsOf", "IssuedStatements", ["CommitteeId", "AsOf"]);
        migrationBuilder.CreateIndex("IX_IssuedStatements_ReportId", "IssuedStatements", "ReportId", unique: true);
        migrationBuilder.CreateIndex("IX_IssuedStatements_PreviousStatementId", "IssuedStatements", "PreviousStatementId");

        migrationBuilder.CreateTable(
            name: "StatementLines",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                StatementId = table.Column<Guid>(nullable: true),
                Position = table.Column<int>(nullable: false),
                Section = table.Column<string>(maxLength: 40, nullable: false),
                Change = table.Column<string>(maxLength: 40, nullable: true),
                ResponseId = table.Column<Guid>(nullable: false),
                ForceCode = table.Column<string>(maxLength: 60, nullable: false),
                FindingId = table.Column<Guid>(nullable: false),
                FindingKind = table.Column<string>(maxLength: 40, nullable: false),
                FindingReference = table.Column<string>(maxLength: 120, nullable: false),
                FindingText = table.Column<string>(maxLength: 20000, nullable: false),
                DeadlineText = table.Column<string>(maxLength: 200, nullable: true),
                InspectionId = table.Column<Guid>(nullable: false),
                InspectionReference = table.Column<string>(maxLength: 120, nullable: false),
                InspectionTitle = table.Column<string>(maxLength: 400, nullable: false),
                OwnerName = table.Column<string>(maxLength: 200, nullable: true),
                OwnerRole = table.Column<string>(maxLength: 200, nullable: true),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                Rag = table.Column<string>(maxLength: 40, nullable: true),
                DerivedRag = table.Column<string>(maxLength: 40, nullable: true),
                FindingDueDate = table.Column<DateOnly>(nullable: true),
                RevisedDueDate = table.Column<DateOnly>(nullable: true),
                DueDate = table.Column<DateOnly>(nullable: true),
                PositionStatement = table.Column<string>(maxLength: 20000, nullable: true),
                StatusEffectiveOn = table.Column<DateOnly>(nullable: true),
                IsOverdue = table.Column<bool>(nullable: false),
                DaysOverdue = table.Column<int>(nullable: false),
                PreviousStatus = table.Column<string>(maxLength: 40, nullable: true),
                PreviousRag = table.Column<string>(maxLength: 40, nullable: true),
                PreviousDueDate = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StatementLines", x => x.Id);
                table.ForeignKey("FK_StatementLines_IssuedStatements_StatementId", x => x.StatementId, "IssuedStatements", "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_StatementLines_StatementId_Position", "StatementLines", ["StatementId", "Position"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("StatementLines");
        migrationBuilder.DropTable("IssuedStatements");
        migrationBuilder.DropTable("CommitteeReports");
        migrationBuilder.DropTable("Committees");
    }
}
