using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplianceApi.Data.Migrations;

/// <summary>
/// Each response's due date kept on the response (<see cref="Domain.ForceResponse.DueOn"/>), with an index
/// on (ForceCode, DueOn, Status, Id). Judging "overdue" on the finding's due date meant joining every one of
/// a force's ~2,300 responses to its finding on each uncached page of the overdue list; with the column the
/// count and the page's ids are read from a range of the index alone (on SQLite 2.2 → 0.7 ms a page for
/// Lancashire's 607 overdue of 2,328 on the national data set).
/// </summary>
public abstract class ResponseDueOn : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>("DueOn", "ForceResponses", nullable: true);

        // RevisedTargetDate is the new date of the response's latest target-date change (the domain sets
        // both together), and the finding's due date stands until the first one: the date the lists judged
        // on until now, so no answer changes. Dates are text on SQLite and date on PostgreSQL; coalesce
        // serves both.
        migrationBuilder.Sql("""
            UPDATE "ForceResponses" AS r SET "DueOn" = coalesce(r."RevisedTargetDate",
                (SELECT f."DueDate" FROM "Findings" AS f WHERE f."Id" = r."FindingId"));
            """);

        migrationBuilder.CreateIndex("IX_ForceResponses_ForceCode_DueOn_Status_Id", "ForceResponses", ["ForceCode", "DueOn", "Status", "Id"]);

        // Rows changed: pages cached by an instance still running the old version must not be served.
        migrationBuilder.Sql("""UPDATE "DataVersions" SET "Stamp" = '6F0D3C2A-8E1B-4B7C-9A45-2D1E0F9B7C31';""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ForceResponses_ForceCode_DueOn_Status_Id", "ForceResponses");
        migrationBuilder.DropColumn("DueOn", "ForceResponses");
    }
}
