// The audit trail through the generated client: a client's changes, listed by client and time, a page at a time.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { ApiKeysClient, AuditClient, InspectionsClient } from "../dist/index.js";
import { adminConfiguration, buildingThePicture, configurationWithKey, unique } from "./support.mjs";

test("the audit trail lists what a client changed, oldest first, a page at a time", async () => {
    const clientName = unique("national-returns");
    const issued = await new ApiKeysClient(adminConfiguration()).createApiKey({ clientName, role: "Admin" }, randomUUID());
    const since = new Date(Date.now() - 60_000).toISOString();
    const inspections = new InspectionsClient(configurationWithKey(issued.secret));
    const first = await inspections.createInspection(buildingThePicture(), randomUUID());
    const second = await inspections.createInspection(buildingThePicture(), randomUUID());
    const audit = new AuditClient(adminConfiguration());

    const page = await audit.listAuditEvents(undefined, undefined, undefined, undefined, issued.id, since, undefined, 1);
    const next = await audit.listAuditEvents(undefined, undefined, undefined, undefined, issued.id, since, undefined, 1, page.nextCursor);

    assert.equal(page.totalCount, 2);
    assert.deepEqual(page.items.map(e => [e.kind, e.recordId, e.operation, e.client.name, e.client.id]),
        [["inspection.created", first.id, "CreateInspection", clientName, issued.id]]);
    assert.ok(page.items[0].changes.some(c => c.field === "reference" && c.old == null && c.new === first.reference), JSON.stringify(page.items[0].changes));
    assert.deepEqual(next.items.map(e => e.recordId), [second.id]);
    assert.equal(next.nextCursor ?? null, null);
});
