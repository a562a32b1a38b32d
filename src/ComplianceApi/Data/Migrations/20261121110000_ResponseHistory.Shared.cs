using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplianceApi.Data.Migrations;

/// <summary>
/// The history of a response's details (owner and the rest, changed with PUT) and of its re-baselined
/// target dates, so its state on any date can be answered; and the date each response's history begins.
/// </summary>
public abstract class ResponseHistorySchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

        migrationBuilder.AddColumn<DateOnly>("RevisedTargetDate", "ForceResponses", nullable: true);
        migrationBuilder.AddColumn<DateOnly>("DetailsEffectiveOn", "ForceResponses", nullable: true);
        migrationBuilder.AddColumn<DateOnly>("TargetRevisedOn", "ForceResponses", nullable: true);

        // SQLite adds a NOT NULL column only with a default; the rows there now get their real date below.
        migrationBuilder.AddColumn<DateOnly>("TrackedSince", "ForceResponses", nullable: false, defaultValue: DateOnly.MinValue);
        var createdOn = postgres ? "(r.\"CreatedAt\" AT TIME ZONE 'UTC')::date" : "substr(r.\"CreatedAt\", 1, 10)";
        migrationBuilder.Sql($"""
            UPDATE "ForceResponses" AS r SET "TrackedSince" = coalesce(
                (SELECT CASE WHEN min(u."EffectiveOn") < {createdOn} THEN min(u."EffectiveOn") ELSE {createdOn} END
                 FROM "ProgressUpdates" AS u WHERE u."ResponseId" = r."Id"),
                {createdOn});
            """);

        migrationBuilder.CreateTable(
            name: "ResponseRevisions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ResponseId = table.Column<Guid>(nullable: false),
                ForceCode = table.Column<string>(maxLength: 60, nullable: false),
                EffectiveOn = table.Column<DateOnly>(nullable: true),
                OwnerName = table.Column<string>(maxLength: 200, nullable: true),
                OwnerRole = table.Column<string>(maxLength: 200, nullable: true),
                GovernanceBoard = table.Column<string>(maxLength: 200, nullable: true),
                Constraints = table.Column<string>(maxLength: 20000, nullable: true),
                TargetDate = table.Column<DateOnly>(nullable: true),
                NextReviewOn = table.Column<DateOnly>(nullable: true),
                ChangedBy = table.Column<string>(maxLength: 200, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ResponseRevisions", x => x.Id);
                table.ForeignKey("FK_ResponseRevisions_ForceResponses_ResponseId", x => x.ResponseId, "ForceResponses", "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ResponseRevisions_ResponseId_EffectiveOn_RecordedAt", "ResponseRevisions",
            ["ResponseId", "EffectiveOn", "RecordedAt"]);

        // Each existing response's details become its first revision, holding from the start of its
        // history; it takes the response's id, which no other revision can have.
        migrationBuilder.Sql("""
            INSERT INTO "ResponseRevisions" ("Id", "ResponseId", "ForceCode", "EffectiveOn", "OwnerName", "OwnerRole",
                "GovernanceBoard", "Constraints", "TargetDate", "NextReviewOn", "ChangedBy", "RecordedAt")
            SELECT "Id", "Id", "ForceCode", NULL, "OwnerName", "OwnerRole", "GovernanceBoard", "Constraints", "TargetDate",
                "NextReviewOn", 'ComplianceApi', "CreatedAt"
            FROM "ForceResponses";
            """);

        migrationBuilder.CreateTable(
            name: "TargetDateChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ResponseId = table.Column<Guid>(nullable: false),
                ForceCode = table.Column<string>(maxLength: 60, nullable: false),
                PreviousTargetDate = table.Column<DateOnly>(nullable: true),
                NewTargetDate = table.Column<DateOnly>(nullable: false),
                Reason = table.Column<string>(maxLength: 20000, nullable: false),
                EffectiveOn = table.Column<DateOnly>(nullable: false),
                ChangedBy = table.Column<string>(maxLength: 200, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TargetDateChanges", x => x.Id);
                table.ForeignKey("FK_TargetDateChanges_ForceResponses_ResponseId", x => x.ResponseId, "ForceResponses", "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_TargetDateChanges_ResponseId_EffectiveOn_RecordedAt", "TargetDateChanges",
            ["ResponseId", "EffectiveOn", "RecordedAt"]);

        migrationBuilder.DropIndex("IX_ProgressUpdates_ResponseId_EffectiveOn", "ProgressUpdates");
        migrationBuilder.CreateIndex("IX_ProgressUpdates_ResponseId_EffectiveOn_RecordedAt", "ProgressUpdates",
            ["ResponseId", "EffectiveOn", "RecordedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ProgressUpdates_ResponseId_EffectiveOn_RecordedAt", "ProgressUpdates");
        migrationBuilder.CreateIndex("IX_ProgressUpdates_ResponseId_EffectiveOn", "ProgressUpdates", ["ResponseId", "EffectiveOn"]);
        migrationBuilder.DropTable("TargetDateChanges");
        migrationBuilder.DropTable("ResponseRevisions");
        migrationBuilder.DropColumn("TrackedSince", "ForceResponses");
        migrationBuilder.DropColumn("TargetRevisedOn", "ForceResponses");
        migrationBuilder.DropColumn("DetailsEffectiveOn", "ForceResponses");
        migrationBuilder.DropColumn("RevisedTargetDate", "ForceResponses");
    }
}
