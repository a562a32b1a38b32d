// The inspectorate's assessment of a response through the generated client: entries recorded from the
// register, the latest beside the force's status, and the list of responses the two disagree on.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FindingsClient, InspectionsClient, InspectorateAssessmentsClient, ResponsesClient } from "../dist/index.js";
import { adminConfiguration, buildingThePicture, cityOfLondonResponse, lancashire, recommendation, refused, update } from "./support.mjs";

const register = "HMICFRS recommendations and AFIs register: Building the picture";

test("the inspectorate's latest assessment stands beside the force's status and lists the responses it disagrees with", async () => {
    const configuration = adminConfiguration();
    const inspection = await new InspectionsClient(configuration).createInspection(buildingThePicture());
    const finding = await new FindingsClient(configuration).createFinding(inspection.id, recommendation("Recommendation 8"));
    const responses = new ResponsesClient(configuration);
    const response = await responses.createForceResponse(finding.id, cityOfLondonResponse(lancashire));
    await responses.recordProgressUpdate(response.id, update("2016-01-07", "Implemented", "Green", "Reviewed across the archive."));
    const assessments = new InspectorateAssessmentsClient(configuration);

    const progressing = await assessments.recordInspectorateAssessment(response.id,
        { assessedOn: "2016-02-01", status: "BeingProgressed", comment: "Re-inspection pending.", source: register, sourceShownOn: "2016-02-03" });
    assert.deepEqual([progressing.status, progressing.forceCode, progressing.sourceShownOn], ["BeingProgressed", lancashire, "2016-02-03"]);

    const disagreeing = async asOf => (await responses.listForceResponses(undefined, finding.id, undefined, undefined, undefined, undefined, undefined,
        undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, asOf, undefined, undefined, true)).items;
    const listed = await disagreeing(undefined);
    assert.deepEqual(listed.map(r => [r.id, r.status, r.inspectorateStatus, r.disagreesWithInspectorate]), [[response.id, "Implemented", "BeingProgressed", true]]);

    await assessments.recordInspectorateAssessment(response.id,
        { assessedOn: "2016-06-01", status: "Complete", comment: "Authorised for closure on the basis of the re-inspection.", source: register });
    assert.deepEqual(await disagreeing(undefined), []);
    assert.deepEqual((await disagreeing("2016-03-31")).map(r => r.id), [response.id]);
    const entries = await assessments.listInspectorateAssessments(response.id);
    assert.deepEqual(entries.items.map(a => a.status), ["BeingProgressed", "Complete"]);

    const earlier = await refused(assessments.recordInspectorateAssessment(response.id,
        { assessedOn: "2016-05-01", status: "AwaitingReview", comment: "Out of order.", source: register }), 409);
    assert.match(earlier.problem.detail, /2016-06-01/);
});
