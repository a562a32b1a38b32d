// Bearer tokens instead of an API key: the configuration's getToken is asked for a token before every call.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ComplianceApiConfiguration, FindingsClient, InspectionsClient, ResponsesClient } from "../dist/index.js";
import { adminConfiguration, buildingThePicture, cityOfLondon, cityOfLondonResponse, lancashire, recommendation, refused } from "./support.mjs";

/** Tokens the xunit host minted: a City of London editor's (CITY_TOKEN) and one expired ten minutes ago (EXPIRED_TOKEN). */
function tokens() {
    const { CITY_TOKEN: city, EXPIRED_TOKEN: expired } = process.env;
    if (!city || !expired) {
        throw new Error("Set CITY_TOKEN and EXPIRED_TOKEN (access tokens the service's test tenants issued) to run the token tests.");
    }
    return { city, expired };
}

test("a token provider's token is sent with every call, and the call acts for its tenant's force", async () => {
    const { city } = tokens();
    const inspection = await new InspectionsClient(adminConfiguration()).createInspection(buildingThePicture());
    const finding = await new FindingsClient(adminConfiguration()).createFinding(inspection.id, recommendation("Recommendation 8"));
    let asked = 0;
    const responses = new ResponsesClient(ComplianceApiConfiguration.withToken(adminConfiguration().baseUrl, async () => {
        asked++;
        return city;
    }));

    const created = await responses.createForceResponse(finding.id, cityOfLondonResponse());
    const read = await responses.getForceResponse(created.id);
    await refused(responses.createForceResponse(finding.id, cityOfLondonResponse(lancashire)), 403);

    assert.equal(read.forceCode, cityOfLondon);
    assert.equal(asked, 3);
});

test("an expired token from the provider is refused with 401 and the service's problem", async () => {
    const { expired } = tokens();
    const inspections = new InspectionsClient(ComplianceApiConfiguration.withToken(adminConfiguration().baseUrl, () => expired));

    const error = await refused(inspections.listInspections(), 401);

    assert.match(error.problem.detail, /expired/);
});
