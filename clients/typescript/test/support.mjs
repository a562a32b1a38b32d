// What the client tests share: where the service is, and requests drawn from real reports and
// committee papers. The tests import the compiled package, as a consumer's code would.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { ComplianceApiConfiguration, ComplianceApiError } from "../dist/index.js";

export const cityOfLondon = "city-of-london";
export const lancashire = "lancashire";

/** The running service (BASE_URL) and a national admin key (API_KEY), as the xunit host passes them. */
export function adminConfiguration(fetch) {
    const { BASE_URL: baseUrl, API_KEY: apiKey } = process.env;
    if (!baseUrl || !apiKey) {
        throw new Error("Set BASE_URL (such as http://127.0.0.1:5000) and API_KEY (a national admin key) to run the client tests.");
    }
    return new ComplianceApiConfiguration(baseUrl, apiKey, fetch);
}

/** The same service with another key. */
export function configurationWithKey(apiKey) {
    return new ComplianceApiConfiguration(adminConfiguration().baseUrl, apiKey);
}

/** A slug no other test uses, so tests sharing a service never see each other's records. */
export function unique(stem) {
    return `${stem}-${randomUUID().replaceAll("-", "")}`;
}

/** The date in UTC, as the service dates a reopening. */
export function today() {
    return new Date().toISOString().slice(0, 10);
}

/** HMIC, "Building the picture" (2 July 2015): a national thematic inspection with every force in scope. */
export function buildingThePicture() {
    return {
        reference: unique("building-the-picture-2015"),
        inspectorate: "Hmic",
        title: "Building the picture: an inspection of police information management",
        type: "NationalThematic",
        publishedOn: "2015-07-02",
        fieldworkStartedOn: "2014-05-01",
        fieldworkEndedOn: "2014-11-30",
        publicationStatus: "Published",
        link: "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/building-the-picture/",
        allForcesInScope: true,
    };
}

/** A recommendation of "Building the picture" to chief constables. */
export function recommendation(reference, deadlineText = "Immediately", dueDate = "2015-07-02") {
    return {
        reference,
        kind: "Recommendation",
        text: "Chief constables should make sure that their force information records are reviewed at the end of the "
            + "review period set for each information grouping.",
        businessArea: "InformationManagement",
        deadlineText,
        dueDate,
        addressees: [{ kind: "ChiefConstables" }],
    };
}

/** City of London's response, as its committee report describes it. */
export function cityOfLondonResponse(forceCode = cityOfLondon) {
    return {
        forceCode,
        ownerName: "Detective Superintendent Information Management",
        ownerRole: "Head of Information Management",
        governanceBoard: "Information Management Board, chaired by the Assistant Commissioner",
        constraints: "Records on NSPIS systems cannot be deleted due to system constraints.",
        targetDate: "2016-03-31",
        nextReviewOn: "2016-03-01",
    };
}

/** A progress update written by City of London's Information Management Unit. */
export function update(effectiveOn, status, rag, narrative, signedOffBy) {
    return { effectiveOn, status, rag, narrative, author: "Information Management Unit", signedOffBy };
}

/** The board minutes behind City of London's response. */
export function boardMinutes() {
    return {
        title: "Information Management Board minutes",
        kind: "Minutes",
        reference: "IMB 2015/10, minute 6",
        date: "2015-10-21",
        description: "The board noted compliance across the archive and that NSPIS records cannot be deleted.",
    };
}

/** Awaits a call the service must refuse, and returns the client's error after checking its type and status. */
export async function refused(call, status) {
    const error = await call.then(
        result => assert.fail(`expected ${status}, but the call succeeded with ${JSON.stringify(result)}`),
        caught => caught);
    assert.ok(error instanceof ComplianceApiError, `expected a ComplianceApiError, got ${error}`);
    assert.equal(error.status, status, error.message);
    assert.equal(error.problem?.status, status);
    return error;
}
