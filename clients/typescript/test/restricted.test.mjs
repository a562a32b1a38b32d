// A restricted report through the generated client: circulated to one force, not found by another, each read audited.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { ApiKeysClient, AuditClient, ComplianceApiError, FindingsClient, InspectionsClient, SpreadsheetsClient } from "../dist/index.js";
import { adminConfiguration, buildingThePicture, configurationWithKey, lancashire, recommendation, unique } from "./support.mjs";

test("a restricted report circulated to one force is read by its key, is not found by another's, and the read is audited", async () => {
    const admin = new InspectionsClient(adminConfiguration());
    const keys = new ApiKeysClient(adminConfiguration());
    const created = await admin.createInspection({ ...buildingThePicture(), title: "Real lives, real crime", publicationStatus: "Restricted" }, randomUUID());
    const report = await admin.circulateInspection(created.id, { forceCodes: [lancashire] });
    const circulated = await keys.createApiKey({ clientName: unique("lancashire-dashboard"), role: "Reader", forceCode: lancashire }, randomUUID());
    const other = await keys.createApiKey({ clientName: unique("kent-dashboard"), role: "Reader", forceCode: "kent" }, randomUUID());

    const read = await new InspectionsClient(configurationWithKey(circulated.secret)).getInspection(report.id);
    await assert.rejects(new InspectionsClient(configurationWithKey(other.secret)).getInspection(report.id),
        error => error instanceof ComplianceApiError && error.status === 404);
    const reads = await new AuditClient(adminConfiguration()).listAuditEvents("restricted.read", undefined, report.id, undefined, circulated.id);

    assert.deepEqual(report.circulatedTo, [lancashire]);
    assert.deepEqual(read.circulatedTo, [lancashire]);
    assert.deepEqual(reads.items.map(e => [e.operation, e.recordType, e.client.id]), [["GetInspection", "inspection", circulated.id]]);
});

test("an export holding a restricted report's findings, read through the client, is one audited read; the other force's export records none", async () => {
    const admin = new InspectionsClient(adminConfiguration());
    const keys = new ApiKeysClient(adminConfiguration());
    const created = await admin.createInspection({ ...buildingThePicture(), publicationStatus: "Restricted" }, randomUUID());
    const report = await admin.circulateInspection(created.id, { forceCodes: [lancashire] });
    await new FindingsClient(adminConfiguration()).createFinding(report.id, recommendation("Recommendation 8"));
    const circulated = await keys.createApiKey({ clientName: unique("lancashire-tracker"), role: "Reader", forceCode: lancashire }, randomUUID());
    const other = await keys.createApiKey({ clientName: unique("kent-tracker"), role: "Reader", forceCode: "kent" }, randomUUID());

    const csv = await new SpreadsheetsClient(configurationWithKey(circulated.secret)).exportSpreadsheet("Findings", "Csv", undefined, report.reference);
    assert.match(await csv.data.text(), /Recommendation 8/);
    const kent = await new SpreadsheetsClient(configurationWithKey(other.secret)).exportSpreadsheet("Gradings", "Csv", "kent");
    assert.doesNotMatch(await kent.data.text(), new RegExp(report.reference));
    const audit = new AuditClient(adminConfiguration());

    const reads = await audit.listAuditEvents("restricted.read", undefined, undefined, undefined, circulated.id);
    assert.deepEqual(reads.items.map(e => [e.operation, e.recordId]), [["ExportSpreadsheet", report.id]]);
    assert.equal((await audit.listAuditEvents("restricted.read", undefined, undefined, undefined, other.id)).items.length, 0);
});
