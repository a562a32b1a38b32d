// Issue 14 through the TypeScript client: the etag a read carries, If-Match on a write, and an
// Idempotency-Key reused on a retry after the answer was lost.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { FindingsClient, ForcesClient, InspectionsClient, ResponsesClient } from "../dist/index.js";
import { adminConfiguration, buildingThePicture, cityOfLondonResponse, recommendation, refused, unique, update } from "./support.mjs";

/** A configuration whose fetch keeps every request it is given, to read the headers and signal sent. */
function recording() {
    const sent = [];
    const configuration = adminConfiguration((input, init) => {
        sent.push({ method: init?.method, headers: new Headers(init?.headers), signal: init?.signal });
        return globalThis.fetch(input, init);
    });
    return { configuration, sent };
}

async function newResponse() {
    const configuration = adminConfiguration();
    const inspection = await new InspectionsClient(configuration).createInspection(buildingThePicture());
    const finding = await new FindingsClient(configuration).createFinding(inspection.id, recommendation("Recommendation 8"));
    return new ResponsesClient(configuration).createForceResponse(finding.id, cityOfLondonResponse());
}

test("a read's etag is its ETag header; a write with it succeeds once, and again with the stale tag is refused with 412 and the current tag", async () => {
    const created = await newResponse();
    const etagHeaders = [];
    const responses = new ResponsesClient(adminConfiguration(async (input, init) => {
        const answer = await globalThis.fetch(input, init);
        etagHeaders.push(answer.headers.get("ETag"));
        return answer;
    }));

    const read = await responses.getForceResponse(created.id);
    assert.ok(read.etag);
    assert.equal(read.etag, etagHeaders[0]);

    const updated = await responses.updateForceResponse(created.id, { ...cityOfLondonResponse(), ownerName: "Force Records Manager" }, read.etag);
    const error = await refused(
        responses.updateForceResponse(created.id, { ...cityOfLondonResponse(), ownerName: "Head of Information Management" }, read.etag), 412);

    assert.equal(updated.ownerName, "Force Records Manager");
    assert.notEqual(updated.etag, read.etag);
    assert.equal(error.problem.currentEtag, updated.etag);
    const after = await responses.getForceResponse(created.id);
    assert.deepEqual([after.ownerName, after.etag], ["Force Records Manager", updated.etag]);
});

test("a progress update whose answer was lost, sent again with its Idempotency-Key, is recorded once and answered alike", async () => {
    const created = await newResponse();
    let lose = true;
    const responses = new ResponsesClient(adminConfiguration(async (input, init) => {
        const answer = await globalThis.fetch(input, init);
        if (lose && init?.method === "POST") {
            lose = false;
            throw new TypeError("fetch failed: the connection dropped before the answer arrived");
        }
        return answer;
    }));
    const key = randomUUID();
    const body = update("2015-08-03", "InProgress", "Red", "Review of the archive under way.");

    await assert.rejects(responses.recordProgressUpdate(created.id, body, undefined, key), TypeError);
    const retried = await responses.recordProgressUpdate(created.id, body, undefined, key);

    const history = await responses.listProgressUpdates(created.id);
    assert.deepEqual(history.items.map(u => u.id), [retried.id]);
    assert.equal(retried.narrative, "Review of the archive under way.");
});

test("a finding created twice with one Idempotency-Key exists once in its inspection", async () => {
    const configuration = adminConfiguration();
    const inspection = await new InspectionsClient(configuration).createInspection(buildingThePicture());
    const findings = new FindingsClient(configuration);
    const key = randomUUID();

    const first = await findings.createFinding(inspection.id, recommendation("Recommendation 8"), key);
    const retried = await findings.createFinding(inspection.id, recommendation("Recommendation 8"), key);

    assert.equal(retried.id, first.id);
    const listed = await findings.listInspectionFindings(inspection.id);
    assert.deepEqual(listed.items.map(f => f.id), [first.id]);
});

test("a force created with its signal by position, as before contract 1.2.0, is created, and the signal is not sent as an Idempotency-Key", async () => {
    const { configuration, sent } = recording();
    const controller = new AbortController();
    const code = unique("signal-police");

    const force = await new ForcesClient(configuration).createForce({ code, name: `Signal Police ${code}`, kind: "Territorial" }, controller.signal);

    assert.equal(force.code, code);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].signal, controller.signal);
    assert.equal(sent[0].headers.has("Idempotency-Key"), false);
    assert.equal(sent[0].headers.has("If-Match"), false);
});

test("a progress update given an aborted signal by position, where If-Match now stands, is aborted and not recorded", async () => {
    const created = await newResponse();
    const { configuration, sent } = recording();
    const responses = new ResponsesClient(configuration);
    const controller = new AbortController();
    controller.abort();

    await assert.rejects(
        responses.recordProgressUpdate(created.id, update("2015-08-03", "InProgress", "Red", "Never sent."), controller.signal),
        { name: "AbortError" });

    assert.equal(sent[0].signal, controller.signal);
    assert.deepEqual([sent[0].headers.has("If-Match"), sent[0].headers.has("Idempotency-Key")], [false, false]);
    const history = await responses.listProgressUpdates(created.id);
    assert.deepEqual(history.items, []);
});
