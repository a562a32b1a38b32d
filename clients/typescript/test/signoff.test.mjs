// Four-eyes closure through the generated client: an editor's closing update awaits sign-off, which only
// another identity with an admin role for the force gives or refuses; summaries and statements count
// pending sign-offs apart from closed responses.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
    ApiKeysClient, CommitteesClient, FindingsClient, ForcesClient, InspectionsClient, ResponsesClient, StatementsClient, SummariesClient,
} from "../dist/index.js";
import {
    adminConfiguration, buildingThePicture, cityOfLondonResponse, configurationWithKey, lancashire, recommendation, refused, today, unique, update,
} from "./support.mjs";

/** A national force of the test's own, so its counts are exactly what the test built. */
async function newForce() {
    const forceCode = unique("sign-off");
    await new ForcesClient(adminConfiguration()).createForce({ code: forceCode, name: `Sign-off Police ${forceCode}`, kind: "National" });
    return forceCode;
}

async function keyFor(role, forceCode, clientName = `${forceCode ?? "national"} ${role}`) {
    const issued = await new ApiKeysClient(adminConfiguration()).createApiKey({ clientName, role, forceCode });
    return new ResponsesClient(configurationWithKey(issued.secret));
}

/** An implemented response of the force, recorded by the given client. */
async function implemented(responses, forceCode) {
    const inspection = await new InspectionsClient(adminConfiguration()).createInspection(buildingThePicture());
    const finding = await new FindingsClient(adminConfiguration()).createFinding(inspection.id, recommendation("Recommendation 3", "by November 2015", "2015-11-30"));
    const response = await responses.createForceResponse(finding.id, cityOfLondonResponse(forceCode));
    await responses.recordProgressUpdate(response.id, update("2015-11-01", "Implemented", "Green", "A revised strategy was agreed."));
    return response;
}

test("an editor's closing update awaits sign-off, which neither the requester, an editor nor another force's admin can give", async () => {
    const forceCode = await newForce();
    const editor = await keyFor("Editor", forceCode, `${forceCode} tracker`);
    const response = await implemented(editor, forceCode);

    const request = await editor.recordProgressUpdate(response.id,
        update("2015-11-20", "Closed", "Green", "Reported to the board.", "Assistant Commissioner"));

    assert.equal(request.status, "PendingSignOff");
    const pending = await editor.getForceResponse(response.id);
    assert.deepEqual([pending.status, pending.signOffRequestedBy], ["PendingSignOff", `${forceCode} tracker`]);
    const listed = await editor.listForceResponses(undefined, undefined, forceCode, "PendingSignOff");
    assert.deepEqual(listed.items.map(r => r.id), [response.id]);
    const ownRequest = await refused(editor.signOffForceResponse(response.id), 403);
    assert.equal(ownRequest.problem.title, "This API key may not do that.");
    await refused((await keyFor("Editor", forceCode)).signOffForceResponse(response.id), 403);
    await refused((await keyFor("Admin", lancashire)).signOffForceResponse(response.id), 404);
    assert.equal((await editor.getForceResponse(response.id)).status, "PendingSignOff");

    const forceAdmin = await keyFor("Admin", forceCode, `${forceCode} admin`);
    const signed = await forceAdmin.signOffForceResponse(response.id);

    assert.deepEqual([signed.status, signed.signedOffBy, signed.effectiveOn], ["Closed", `${forceCode} admin`, today()]);
    const closed = await editor.getForceResponse(response.id);
    assert.deepEqual([closed.status, closed.closedBy, closed.closedOn], ["Closed", `${forceCode} admin`, today()]);
});

test("the requester's own admin key cannot sign off; a sent-back closure returns to its status with the reason", async () => {
    const forceCode = await newForce();
    const forceAdmin = await keyFor("Admin", forceCode);
    const response = await implemented(forceAdmin, forceCode);
    await forceAdmin.recordProgressUpdate(response.id, update("2015-11-20", "Closed", "Green", "Reported to the board."));

    const same = await refused(forceAdmin.sendBackForceResponse(response.id, { reason: "Changed my mind." }), 403);
    assert.match(same.problem.detail, /same identity/);
    const national = new ResponsesClient(adminConfiguration());
    const sentBack = await national.sendBackForceResponse(response.id, { reason: "The board's minutes are missing." });

    assert.deepEqual([sentBack.status, sentBack.narrative], ["Implemented", "Sent back: The board's minutes are missing."]);
    assert.equal((await forceAdmin.getForceResponse(response.id)).status, "Implemented");
    const history = await forceAdmin.listProgressUpdates(response.id);
    assert.deepEqual(history.items.map(u => u.status), ["Implemented", "PendingSignOff", "Implemented"]);
});

test("a force summary and a statement count pending sign-offs apart from closed responses", async () => {
    const forceCode = await newForce();
    const editor = await keyFor("Editor", forceCode);
    const closing = await implemented(editor, forceCode);
    const pending = await implemented(editor, forceCode);
    for (const response of [closing, pending]) {
        await editor.recordProgressUpdate(response.id, update("2015-11-20", "Closed", "Green", "Reported to the board."));
    }
    await (await keyFor("Admin", forceCode)).signOffForceResponse(closing.id);

    const summary = await new SummariesClient(adminConfiguration()).getForceSummary(forceCode);
    const committee = await new CommitteesClient(adminConfiguration()).createCommittee({ forceCode, name: "Police and Crime Panel", body: "PoliceAndCrimePanel" });
    const statement = await new StatementsClient(adminConfiguration()).previewPositionStatement(committee.id);

    assert.deepEqual([summary.totals.byStatus.closed, summary.totals.byStatus.pendingSignOff, summary.totals.byStatus.implemented], [1, 1, 0]);
    assert.deepEqual(statement.byStatus, { open: 0, implemented: 0, pendingSignOff: 1, closed: 1 });
});
