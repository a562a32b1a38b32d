// The reminders digest through the generated client: an overdue response and its review under its owner.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { FindingsClient, InspectionsClient, RemindersClient, ResponsesClient } from "../dist/index.js";
import { adminConfiguration, buildingThePicture, cityOfLondon, cityOfLondonResponse, recommendation } from "./support.mjs";

test("the reminders digest lists an overdue response and its review date under its owner, oldest first", async () => {
    const configuration = adminConfiguration();
    const inspection = await new InspectionsClient(configuration).createInspection(buildingThePicture(), randomUUID());
    const finding = await new FindingsClient(configuration).createFinding(inspection.id, recommendation("Recommendation 8"));
    const response = await new ResponsesClient(configuration).createForceResponse(finding.id, cityOfLondonResponse());

    const digest = await new RemindersClient(configuration).getReminders(7, cityOfLondon);

    const owners = digest.owners.filter(o => o.items.some(i => i.id === response.id));
    assert.equal(owners.length, 1);
    assert.equal(owners[0].ownerName, response.ownerName);
    assert.deepEqual(owners[0].items.filter(i => i.id === response.id).map(i => [i.reason, i.date]),
        [["Overdue", "2015-07-02"], ["ReviewDue", "2016-03-01"]]);
    assert.equal(digest.withinDays, 7);
});
