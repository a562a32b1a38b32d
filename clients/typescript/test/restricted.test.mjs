// A restricted report through the generated client: circulated to one force, not found by another, each read audited.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { ApiKeysClient, AuditClient, ComplianceApiError, InspectionsClient } from "../dist/index.js";
import { adminConfiguration, buildingThePicture, configurationWithKey, lancashire, unique } from "./support.mjs";

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
