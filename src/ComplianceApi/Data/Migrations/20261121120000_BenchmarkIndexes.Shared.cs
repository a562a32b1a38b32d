using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplianceApi.Data.Migrations;

/// <summary>
/// A force's list of responses pages in the order they were recorded (by id). With only the
/// (ForceCode, Status) index, the database fetched every one of the force's responses (2,300 for a force on
/// the national data set) and sorted them to return the first 50; with (ForceCode, Id) it reads the page in
/// order and stops. Measured with bench/run.
/// </summary>
public abstract class BenchmarkIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_ForceResponses_ForceCode_Id", "ForceResponses", ["ForceCode", "Id"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_ForceResponses_ForceCode_Id", "ForceResponses");
}
