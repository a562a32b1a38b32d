// Every document the service answers, in every format, through the generated client: a position
// statement (previewed and issued) as CSV, an Excel workbook and HTML, spreadsheet exports and the
// import template. Each comes back as a FileResponse whose data is a Blob, never parsed as JSON.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
    CommitteesClient, FindingsClient, ForcesClient, InspectionsClient, InspectorateAssessmentsClient, ResponsesClient, SpreadsheetsClient,
    StatementsClient,
} from "../dist/index.js";
import { adminConfiguration, buildingThePicture, cityOfLondonResponse, recommendation, refused, unique, update } from "./support.mjs";

const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A force of its own with one assessed response, a committee and a report with its statement issued. */
async function issuedStatement() {
    const configuration = adminConfiguration();
    const forceCode = unique("documents");
    await new ForcesClient(configuration).createForce({ code: forceCode, name: `Documents Police ${forceCode}`, kind: "National" });
    const inspection = await new InspectionsClient(configuration).createInspection(buildingThePicture());
    const finding = await new FindingsClient(configuration).createFinding(inspection.id, recommendation("Recommendation 8"));
    const responses = new ResponsesClient(configuration);
    const response = await responses.createForceResponse(finding.id, cityOfLondonResponse(forceCode));
    await responses.recordProgressUpdate(response.id, update("2015-08-03", "InProgress", "Amber", "Review of the archive under way."));
    await new InspectorateAssessmentsClient(configuration).recordInspectorateAssessment(response.id,
        { assessedOn: "2015-10-01", status: "BeingProgressed", comment: "Progress noted.", source: "HMICFRS register" });
    const committees = new CommitteesClient(configuration);
    const committee = await committees.createCommittee({ forceCode, name: "Police and Crime Panel", body: "PoliceAndCrimePanel" });
    const report = await committees.createCommitteeReport(committee.id, { reference: "PCP 2015/12", reportedOn: "2015-12-10" });
    await new StatementsClient(configuration).issuePositionStatement(report.id, { asOf: "2015-12-01" });
    return { inspection, committee, report, response };
}

async function assertDocument(file, format) {
    assert.equal(file.status, 200);
    assert.ok(file.data instanceof Blob, "a document comes back as a Blob");
    const bytes = new Uint8Array(await file.data.arrayBuffer());
    if (format === "Xlsx") {
        assert.equal(file.data.type, xlsx);
        assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b], "an XLSX workbook is a zip");
        assert.match(file.fileName, /\.xlsx$/);
    } else if (format === "Csv") {
        assert.match(file.data.type, /^text\/csv/);
        assert.match(await file.data.text(), /^Section,Change,Inspection,/);
        assert.match(file.fileName, /\.csv$/);
    } else {
        assert.match(file.data.type, /^text\/html/);
        assert.match(await file.data.text(), /^<!DOCTYPE html>/);
        assert.match(await file.data.text(), /Review of the archive under way\./);
    }
}

test("a position statement is read as CSV, an Excel workbook and HTML, previewed and as issued", async () => {
    const { committee, report } = await issuedStatement();
    const statements = new StatementsClient(adminConfiguration());
    for (const format of ["Csv", "Xlsx", "Html"]) {
        await assertDocument(await statements.getIssuedStatementDocument(report.id, format), format);
        await assertDocument(await statements.previewPositionStatementDocument(committee.id, format, "2016-01-01"), format);
    }
    // The JSON operations answer JSON, as in 1.0.
    const issued = await statements.getIssuedStatement(report.id);
    assert.equal(issued.reportReference, "PCP 2015/12");
});

test("a statement line carries the inspectorate's status on the statement's date and flags where the force says implemented but the inspectorate does not", async () => {
    const { committee, report, response } = await issuedStatement();
    const configuration = adminConfiguration();
    const statements = new StatementsClient(configuration);
    await new ResponsesClient(configuration).recordProgressUpdate(response.id, update("2015-12-05", "Implemented", "Green", "Implemented."));

    const issued = (await statements.getIssuedStatement(report.id)).lines[0];
    const preview = (await statements.previewPositionStatement(committee.id, "2016-01-01")).lines[0];

    assert.deepEqual([issued.status, issued.inspectorateStatus, issued.inspectorateAssessedOn, issued.disagreesWithInspectorate],
        ["InProgress", "BeingProgressed", "2015-10-01", false]);
    assert.deepEqual([preview.status, preview.inspectorateStatus, preview.inspectorateAssessedOn, preview.disagreesWithInspectorate],
        ["Implemented", "BeingProgressed", "2015-10-01", true]);
});

test("a statement file in a format the service does not make is refused with a problem", async () => {
    const { report } = await issuedStatement();
    // The client asks for text/csv; the problem comes as JSON all the same.
    const error = await refused(new StatementsClient(adminConfiguration()).getIssuedStatementDocument(report.id, "Json"), 400);
    assert.match(JSON.stringify(error.problem), /format/i);
});

test("exports in both formats and the import template come back as files", async () => {
    const { inspection } = await issuedStatement();
    const spreadsheets = new SpreadsheetsClient(adminConfiguration());
    const csv = await spreadsheets.exportSpreadsheet("Findings", "Csv", undefined, inspection.reference);
    assert.match(await csv.data.text(), /Recommendation 8/);
    const workbook = await spreadsheets.exportSpreadsheet(undefined, "Xlsx", undefined, inspection.reference);
    assert.deepEqual([...new Uint8Array(await workbook.data.arrayBuffer()).slice(0, 2)], [0x50, 0x4b]);
    const template = await spreadsheets.getImportTemplate();
    assert.equal(template.fileName, "import-template.xlsx");
});
