// The change feed through the generated client: a poller sees a new change once and keeps its place.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { ChangesClient, InspectionsClient } from "../dist/index.js";
import { adminConfiguration, buildingThePicture } from "./support.mjs";

test("the change feed tells a poller each new change once, in order, and keeps its place on an empty page", async () => {
    const changes = new ChangesClient(adminConfiguration());
    let cursor = undefined;
    for (let page = await changes.listChanges(cursor, undefined, undefined, 200); ; page = await changes.listChanges(cursor, undefined, undefined, 200)) {
        cursor = page.nextCursor;
        if (!page.hasMore) break;
    }

    const inspection = await new InspectionsClient(adminConfiguration()).createInspection(buildingThePicture(), randomUUID());
    const page = await changes.listChanges(cursor, "inspection.created", undefined, 200);
    const again = await changes.listChanges(page.nextCursor, "inspection.created", undefined, 200);

    const created = page.items.filter(c => c.recordId === inspection.id);
    assert.deepEqual(created.map(c => [c.kind, c.recordType, c.forceCode ?? null, c.recordVersion ?? null]), [["inspection.created", "inspection", null, null]]);
    assert.deepEqual(page.items.map(c => c.sequence), [...page.items.map(c => c.sequence)].sort((x, y) => x - y));
    assert.ok(!again.items.some(c => c.recordId === inspection.id));
    assert.ok(again.nextCursor.length > 0);
});
