// The local policing body's 56-day response to a report through the generated client.
import assert from "node:assert/strict";
import { test } from "node:test";
import { InspectionsClient, ReportResponsesClient } from "../dist/index.js";
import { adminConfiguration, buildingThePicture } from "./support.mjs";

test("a report's responses are recorded with the force's default body and listed overdue with the days since day 56", async () => {
    const configuration = adminConfiguration();
    const inspection = await new InspectionsClient(configuration).createInspection(
        { ...buildingThePicture(), publishedOn: "2015-12-10", allForcesInScope: false, forcesInScope: ["metropolitan", "city-of-london"] });
    const client = new ReportResponsesClient(configuration);

    const met = await client.createReportResponse(inspection.id, { forceCode: "metropolitan" });
    const city = await client.createReportResponse(inspection.id, { forceCode: "city-of-london", publishedOn: "2016-02-04", publishedAt: "Police Committee, 4 February 2016" });

    assert.deepEqual([met.bodyKind, met.bodyName, met.publicationDueOn], ["MayorsOfficeForPolicingAndCrime", "Mayor's Office for Policing and Crime", "2016-02-03"]);
    assert.deepEqual([city.bodyKind, city.publishedLate, city.overdue], ["CommonCouncil", true, false]);
    assert.equal(city.daysLeft ?? null, null);
    const overdue = await client.listReportResponses(true, undefined, undefined, inspection.id);
    assert.deepEqual(overdue.items.map(r => r.id), [met.id]);
    assert.ok(overdue.items[0].daysLeft < -3000 && overdue.items[0].overdue);

    const read = await client.getReportResponse(met.id);
    const onTime = await client.updateReportResponse(met.id, { forceCode: "metropolitan", publishedOn: "2016-02-03" }, read.etag);
    assert.equal(onTime.publishedLate, false);
    assert.deepEqual((await client.listReportResponses(true, undefined, undefined, inspection.id)).items, []);
});
