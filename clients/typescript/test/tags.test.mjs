// Tags through the generated client: national tags on a finding, a force's own on its response, and the
// repeatable tag filter (every tag given) on lists and the force summary, with the signal still by position.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { ApiKeysClient, ComplianceApiError, FindingsClient, ForcesClient, InspectionsClient, ResponsesClient, SummariesClient } from "../dist/index.js";
import { adminConfiguration, buildingThePicture, cityOfLondonResponse, configurationWithKey, recommendation, unique } from "./support.mjs";

test("a force's editor tags its responses, a national admin tags a finding, and lists and the summary filter on every tag given", async () => {
    const configuration = adminConfiguration();
    const code = unique("tagging-force");
    await new ForcesClient(configuration).createForce({ code, name: `Tagging force ${code}`, kind: "National" }, randomUUID());
    const inspection = await new InspectionsClient(configuration).createInspection(buildingThePicture(), randomUUID());
    const findings = new FindingsClient(configuration);
    const r8 = await findings.createFinding(inspection.id, recommendation("Recommendation 8"));
    const r3 = await findings.createFinding(inspection.id, recommendation("Recommendation 3"));
    const admin = new ResponsesClient(configuration);
    const first = await admin.createForceResponse(r8.id, cityOfLondonResponse(code));
    const second = await admin.createForceResponse(r3.id, cityOfLondonResponse(code));
    const issued = await new ApiKeysClient(configuration).createApiKey({ clientName: `editor of ${code}`, role: "Editor", forceCode: code }, randomUUID());
    const editor = new ResponsesClient(configurationWithKey(issued.secret));

    const tagged = await editor.setResponseTags(first.id, { tags: [" MoPI ", "vetting", "mopi"] }, first.etag);
    await editor.setResponseTags(second.id, { tags: ["Vetting"] });
    const finding = await findings.setFindingTags(r8.id, { tags: ["records review"] });
    const both = await editor.listForceResponses(undefined, undefined, code, undefined, undefined, undefined, undefined, undefined, undefined,
        undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined,
        ["MOPI", "Vetting"]);
    const summary = await new SummariesClient(configurationWithKey(issued.secret)).getForceSummary(code, undefined, ["vetting"]);
    // Written as against contract 1.3.0: the signal by position where the tag filter now sits.
    const unfiltered = await new SummariesClient(configurationWithKey(issued.secret)).getForceSummary(code, undefined, new AbortController().signal);
    const byFinding = await findings.listFindings(inspection.id, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined,
        undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, ["Records Review"]);

    assert.deepEqual(tagged.tags, ["MoPI", "vetting"]);
    assert.deepEqual(finding.tags, ["records review"]);
    assert.deepEqual(both.items.map(r => r.id), [first.id]);
    assert.equal(summary.totals.total, 2);
    assert.equal(unfiltered.totals.total, 2);
    assert.deepEqual(byFinding.items.map(f => f.id), [r8.id]);
    await assert.rejects(() => editor.setResponseTags(first.id, { tags: ["CDI; plan"] }),
        error => error instanceof ComplianceApiError && error.status === 400);
    await assert.rejects(() => new FindingsClient(configurationWithKey(issued.secret)).setFindingTags(r8.id, { tags: ["MoPI"] }),
        error => error instanceof ComplianceApiError && error.status === 403);
});
