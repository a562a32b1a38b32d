// A force's public page of progress through the generated client: off until its admin switches it on,
// then the JSON twin lists the finding with the public statement the force set.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { ApiKeysClient, ComplianceApiConfiguration, ComplianceApiError, FindingsClient, ForcesClient, InspectionsClient, PublicClient, ResponsesClient } from "../dist/index.js";
import { adminConfiguration, buildingThePicture, cityOfLondonResponse, configurationWithKey, recommendation, unique } from "./support.mjs";

test("a force's admin switches its public page on and the JSON twin shows the public statement it set", async () => {
    const configuration = adminConfiguration();
    const code = unique("public-force");
    await new ForcesClient(configuration).createForce({ code, name: `Public force ${code}`, kind: "National" }, randomUUID());
    const inspection = await new InspectionsClient(configuration).createInspection(buildingThePicture(), randomUUID());
    const finding = await new FindingsClient(configuration).createFinding(inspection.id, recommendation("Recommendation 8"));
    const response = await new ResponsesClient(configuration).createForceResponse(finding.id, cityOfLondonResponse(code));
    const issued = await new ApiKeysClient(configuration).createApiKey({ clientName: `admin of ${code}`, role: "Admin", forceCode: code }, randomUUID());
    const forceAdmin = new PublicClient(configurationWithKey(issued.secret));
    // The public page is read as anyone reads a force's website: no key, no token.
    const publicClient = new PublicClient(ComplianceApiConfiguration.anonymous(configuration.baseUrl));

    await assert.rejects(() => publicClient.getPublicProgress(code), error => error instanceof ComplianceApiError && error.status === 404);
    const before = await forceAdmin.getPublicProgressSetting(code);
    const setting = await forceAdmin.setPublicProgress(code, { enabled: true }, before.etag);
    await forceAdmin.setPublicStatement(response.id, { publicStatement: "A Force Records Manager has been appointed." });
    const page = await publicClient.getPublicProgress(code);

    assert.equal(before.enabled, false);
    assert.equal(setting.enabled, true);
    assert.equal(page.forceCode, code);
    assert.deepEqual(page.reports.flatMap(r => r.findings.map(f => [f.reference, f.publicStatement])),
        [["Recommendation 8", "A Force Records Manager has been appointed."]]);
    assert.equal(JSON.stringify(page).includes(response.ownerName), false);
    await assert.rejects(() => publicClient.getPublicProgressSetting(code), error => error instanceof ComplianceApiError && error.status === 401);
});
