// A force's compliance journey through the generated client, against the real service: an inspection
// and its findings, a force's response and its history, a plan whose action serves two findings,
// evidence, gradings, and lists read page by page.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
    ActionPlansClient, ApiKeysClient, EvidenceClient, FindingsClient, ForcesClient, GradingsClient, InspectionsClient, ResponsesClient,
} from "../dist/index.js";
import {
    adminConfiguration, boardMinutes, buildingThePicture, cityOfLondon, cityOfLondonResponse, configurationWithKey, lancashire,
    recommendation, today, update,
} from "./support.mjs";

/** A new "Building the picture" inspection with the given recommendations in it. */
async function inspectionWithFindings(...references) {
    const configuration = adminConfiguration();
    const inspection = await new InspectionsClient(configuration).createInspection(buildingThePicture());
    const findingsClient = new FindingsClient(configuration);
    const findings = [];
    for (const reference of references) {
        findings.push(await findingsClient.createFinding(inspection.id, recommendation(reference)));
    }
    return { inspection, findings };
}

/** A key issued through the API to a force's own tracking tool. */
async function forceEditor(forceCode) {
    const issued = await new ApiKeysClient(adminConfiguration()).createApiKey({
        clientName: `${forceCode} compliance tracker`, role: "Editor", forceCode,
    });
    return configurationWithKey(issued.secret);
}

test("an admin records an inspection with its findings and reads them back", async () => {
    const configuration = adminConfiguration();
    const request = buildingThePicture();

    const inspection = await new InspectionsClient(configuration).createInspection(request);
    const findings = new FindingsClient(configuration);
    const immediate = await findings.createFinding(inspection.id, recommendation("Recommendation 8"));
    const byNovember = await findings.createFinding(inspection.id, recommendation("Recommendation 3", "by November 2015", "2015-11-30"));

    const read = await new InspectionsClient(configuration).getInspection(inspection.id);
    assert.equal(read.reference, request.reference);
    assert.equal(read.type, "NationalThematic");
    assert.equal(read.publishedOn, "2015-07-02");
    assert.equal(read.allForcesInScope, true);
    const listed = await findings.listInspectionFindings(inspection.id);
    assert.deepEqual(listed.items.map(f => f.id).sort(), [immediate.id, byNovember.id].sort());
    const readFinding = await findings.getFinding(byNovember.id);
    assert.equal(readFinding.inspectionReference, request.reference);
    assert.equal(readFinding.deadlineText, "by November 2015");
    assert.equal(readFinding.dueDate, "2015-11-30");
    assert.deepEqual(readFinding.addressees.map(a => a.kind), ["ChiefConstables"]);
    const forces = await new ForcesClient(configuration).listForces("Collaboration");
    assert.ok(forces.some(f => f.code === "bch" && f.memberCodes.includes("hertfordshire")), JSON.stringify(forces));
});

test("a force records its response and its progress to closure, and reopens it", async () => {
    const { findings: [finding] } = await inspectionWithFindings("Recommendation 8");
    const responses = new ResponsesClient(await forceEditor(cityOfLondon));

    const response = await responses.createForceResponse(finding.id, cityOfLondonResponse());
    assert.equal(response.status, "NotAssessed");
    await responses.recordProgressUpdate(response.id, update("2015-09-01", "Implemented", "Green", "Compliant across the archive."));
    const request = await responses.recordProgressUpdate(response.id,
        update("2015-10-21", "Closed", "Green", "Implemented and reported to the Information Management Board.", "Assistant Commissioner"));
    assert.equal(request.status, "PendingSignOff");
    await new ResponsesClient(adminConfiguration()).signOffForceResponse(response.id);
    const closed = await responses.getForceResponse(response.id);
    assert.deepEqual([closed.status, closed.closedOn], ["Closed", today()]);

    const reopened = await responses.reopenForceResponse(response.id, {
        reason: "HMICFRS found NSPIS records still held beyond their review dates.", author: "Head of Information Management",
    });
    assert.equal(reopened.status, "InProgress");
    assert.equal(reopened.narrative, "Reopened: HMICFRS found NSPIS records still held beyond their review dates.");
    await responses.recordProgressUpdate(response.id, update(today(), "Implemented", "Green", "Archive reviewed again."));

    const current = await responses.getForceResponse(response.id);
    assert.equal(current.status, "Implemented");
    assert.equal(current.positionStatement, "Archive reviewed again.");
    assert.equal(current.closedBy ?? null, null);
    const history = await responses.listProgressUpdates(response.id);
    assert.deepEqual(history.items.map(u => u.status), ["Implemented", "PendingSignOff", "Closed", "InProgress", "Implemented"]);
    assert.equal(history.totalCount, 5);
    const listed = await responses.listForceResponses(undefined, finding.id, cityOfLondon);
    assert.deepEqual(listed.items.map(r => r.id), [response.id]);
});

test("a force's plan has an action serving two findings, with evidence behind it and behind a response", async () => {
    const { inspection, findings: [recommendation8, recommendation9] } = await inspectionWithFindings("Recommendation 8", "Recommendation 9");
    const configuration = await forceEditor(lancashire);
    const plans = new ActionPlansClient(configuration);
    const evidence = new EvidenceClient(configuration);

    const plan = await plans.createActionPlan({
        forceCode: lancashire, title: "Building the picture: information management action plan", inspectionId: inspection.id,
        ownerName: "Head of Information Management",
    });
    const action = await plans.createPlanAction(plan.id, {
        title: "Recruit a Force Records Manager", ownerName: "Head of Information Management", dueOn: "2016-03-31",
        status: "InProgress", findingIds: [recommendation8.id, recommendation9.id],
    });
    const strategy = await evidence.addActionEvidence(action.id, {
        title: "Information Management Strategy", kind: "Minutes", reference: "SMB minutes 31/10/2015, item 4", date: "2015-10-31",
    });
    const response = await new ResponsesClient(configuration).createForceResponse(recommendation9.id, cityOfLondonResponse(lancashire));
    const minutes = await evidence.addResponseEvidence(response.id, boardMinutes());

    assert.deepEqual([...action.findingIds].sort(), [recommendation8.id, recommendation9.id].sort());
    for (const finding of [recommendation8, recommendation9]) {
        const serving = await plans.listActions(lancashire, undefined, undefined, finding.id);
        assert.deepEqual(serving.items.map(a => a.id), [action.id]);
    }
    assert.deepEqual((await plans.listPlanActions(plan.id)).items.map(a => a.title), ["Recruit a Force Records Manager"]);
    assert.equal((await plans.getActionPlan(plan.id)).inspectionId, inspection.id);
    const completed = await plans.updateAction(action.id, {
        title: action.title, status: "Completed", completedOn: "2016-02-01", findingIds: action.findingIds,
    });
    assert.equal(completed.completedOn, "2016-02-01");
    assert.deepEqual((await evidence.listEvidence(undefined, action.id)).items.map(e => e.id), [strategy.id]);
    assert.deepEqual((await evidence.listEvidence(response.id)).items.map(e => e.id), [minutes.id]);
    assert.equal((await evidence.getEvidence(minutes.id)).forceCode, lancashire);
});

test("an admin grades forces by area and regrades them", async () => {
    const configuration = adminConfiguration();
    const { inspection } = await inspectionWithFindings();
    const gradings = new GradingsClient(configuration);

    const overall = await gradings.createGrading(inspection.id, { forceCode: lancashire, grade: "RequiresImprovement", givenOn: "2018-06-28" });
    const effectiveness = await gradings.createGrading(inspection.id,
        { forceCode: lancashire, area: "Effectiveness", grade: "Good", givenOn: "2018-06-28" });
    const regraded = await gradings.updateGrading(overall.id, { forceCode: lancashire, area: "Overall", grade: "Good", givenOn: "2019-03-14" });

    assert.equal(overall.area, "Overall");
    assert.deepEqual([regraded.grade, regraded.givenOn], ["Good", "2019-03-14"]);
    const listed = await gradings.listGradings(inspection.id, lancashire);
    assert.equal(listed.totalCount, 2);
    assert.deepEqual(listed.items.map(g => g.id).sort(), [overall.id, effectiveness.id].sort());
    assert.equal((await gradings.getGrading(effectiveness.id)).grade, "Good");
});

test("a list is read to its end with cursors, every page carrying the total", async () => {
    const references = ["Recommendation 1", "Recommendation 2", "Recommendation 3", "Recommendation 4", "Recommendation 5"];
    const { inspection, findings: created } = await inspectionWithFindings(...references);
    const findings = new FindingsClient(adminConfiguration());

    const pages = [];
    let cursor;
    do {
        const page = await findings.listFindings(inspection.id, undefined, undefined, undefined, undefined, 2, cursor);
        pages.push(page);
        cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && pages.length < 10);

    assert.deepEqual(pages.map(p => p.items.length), [2, 2, 1]);
    assert.deepEqual(pages.map(p => p.totalCount), [5, 5, 5]);
    assert.equal(pages.at(-1).nextCursor ?? null, null);
    const read = pages.flatMap(p => p.items.map(f => f.id));
    assert.deepEqual([...read].sort(), created.map(f => f.id).sort());
    assert.equal(new Set(read).size, read.length);
});
