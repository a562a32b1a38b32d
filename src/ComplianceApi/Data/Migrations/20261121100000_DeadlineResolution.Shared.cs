using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplianceApi.Data.Migrations;

/// <summary>
/// Findings keep how their due date follows from the deadline's words: its kind and precision.
/// </summary>
/// <remarks>
/// Rows recorded before this migration hold a due date the caller typed next to the words. They are
/// marked Explicit (as supplied) rather than resolved here: resolving needs the parser in
/// Domain/Deadline.cs, which SQL cannot run, and re-deriving dates in SQL could silently move a due date
/// forces have been reporting against. Words recorded without a due date are marked Explicit too, with
/// no date, as the caller left them. Correcting such a finding (PUT) resolves its words. A finding with
/// neither words nor a due date has no deadline (the column's default).
/// </remarks>
public abstract class DeadlineResolution : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // SQLite cannot add a NOT NULL column without a default, nor drop the default afterwards without
        // rebuilding the table; the model declares the same default so both schemas agree.
        migrationBuilder.AddColumn<string>(
            name: "DeadlineKind", table: "Findings", maxLength: 40, nullable: false, defaultValue: "None");
        migrationBuilder.AddColumn<string>(
            name: "DeadlinePrecision", table: "Findings", maxLength: 40, nullable: true);

        migrationBuilder.Sql("""
            UPDATE "Findings" SET "DeadlineKind" = 'Explicit', "DeadlinePrecision" = 'AsSupplied'
            WHERE "DueDate" IS NOT NULL;
            """);
        migrationBuilder.Sql("""
            UPDATE "Findings" SET "DeadlineKind" = 'Explicit'
            WHERE "DueDate" IS NULL AND "DeadlineText" IS NOT NULL AND TRIM("DeadlineText") <> '';
            """);
    }

    // Plain SQL: EF's SQLite generator would rebuild the table for DropColumn, which needs the model
    // snapshot these hand-written migrations do not keep; SQLite 3.35 drops an unindexed column itself.
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""ALTER TABLE "Findings" DROP COLUMN "DeadlinePrecision";""");
        migrationBuilder.Sql("""ALTER TABLE "Findings" DROP COLUMN "DeadlineKind";""");
    }
}
