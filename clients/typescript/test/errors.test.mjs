// Every refusal reaches the caller as a ComplianceApiError carrying the HTTP status and the service's
// RFC 9457 problem, so a consumer can show a field's message or tell "not yours" from "not allowed".
import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiKeysClient, ComplianceApiError, FindingsClient, ForcesClient, InspectionsClient, ResponsesClient } from "../dist/index.js";
import {
    adminConfiguration, buildingThePicture, cityOfLondon, cityOfLondonResponse, configurationWithKey, lancashire, recommendation, refused,
    update,
} from "./support.mjs";

async function findingInNewInspection() {
    const configuration = adminConfiguration();
    const inspection = await new InspectionsClient(configuration).createInspection(buildingThePicture());
    return new FindingsClient(configuration).createFinding(inspection.id, recommendation("Recommendation 8"));
}

test("an invalid request is refused with 400 and a message per field", async () => {
    const inspections = new InspectionsClient(adminConfiguration());

    const error = await refused(inspections.createInspection({
        ...buildingThePicture(), reference: "Not A Slug", title: "",
    }), 400);

    assert.equal(error.problem.title, "The request is not valid.");
    assert.deepEqual(Object.keys(error.problem.errors).sort(), ["reference", "title"]);
    assert.match(error.problem.errors.reference[0], /slug/);
    assert.match(error.problem.errors.title[0], /must not be empty/);
});

test("a call with an unknown key is refused with 401", async () => {
    const forces = new ForcesClient(configurationWithKey("cak_not-a-key-the-service-ever-issued-0000000000"));

    const error = await refused(forces.listForces(), 401);

    assert.equal(error.problem.title, "An API key is required.");
    assert.match(error.message, /^401 /);
});

test("a force-scoped key cannot write for another force (403) nor see its records (404)", async () => {
    const finding = await findingInNewInspection();
    const cityResponse = await new ResponsesClient(adminConfiguration()).createForceResponse(finding.id, cityOfLondonResponse());
    const issued = await new ApiKeysClient(adminConfiguration()).createApiKey({
        clientName: "Lancashire compliance tracker", role: "Editor", forceCode: lancashire,
    });
    assert.equal(issued.forceCode, lancashire);
    const asLancashire = new ResponsesClient(configurationWithKey(issued.secret));

    const forbidden = await refused(asLancashire.createForceResponse(finding.id, cityOfLondonResponse(cityOfLondon)), 403);
    const notFound = await refused(asLancashire.getForceResponse(cityResponse.id), 404);

    assert.match(forbidden.problem.detail, /city-of-london/);
    assert.equal(forbidden.problem.title, "This API key may not do that.");
    assert.equal(notFound.problem.title, "Not found.");
    const own = await asLancashire.createForceResponse(finding.id, cityOfLondonResponse(lancashire));
    assert.equal(own.forceCode, lancashire);
});

test("a request that breaks a rule of the domain is refused with 409 and says why", async () => {
    const finding = await findingInNewInspection();
    const responses = new ResponsesClient(adminConfiguration());
    const response = await responses.createForceResponse(finding.id, cityOfLondonResponse());
    await responses.recordProgressUpdate(response.id, update("2015-09-01", "Implemented", "Green", "Compliant across the archive."));

    const error = await refused(responses.recordProgressUpdate(response.id,
        update("2015-08-01", "InProgress", "Amber", "Dated before the latest entry.")), 409);

    assert.equal(error.problem.title, "The request breaks a rule of the domain.");
    assert.match(error.problem.detail, /cannot be dated before it/);
    assert.equal((await responses.getForceResponse(response.id)).status, "Implemented");
});

test("a missing record is a 404 ComplianceApiError whose message carries the problem", async () => {
    const inspections = new InspectionsClient(adminConfiguration());

    const error = await inspections.getInspection("0198c3a0-0000-7000-8000-000000000000").catch(caught => caught);

    assert.ok(error instanceof ComplianceApiError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, "ComplianceApiError");
    assert.equal(error.status, 404);
    assert.ok(error.message.startsWith("404 "), error.message);
    assert.ok(error.message.includes(error.problem.detail ?? error.problem.title), error.message);
});
