// Evidence files through the generated client: a binary upload (FileParameter) and downloads (FileResponse
// whose data is a Blob), a look-alike refused with 415, and the evidence accepted by a reviewer.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { EvidenceClient, FindingsClient, InspectionsClient, ResponsesClient } from "../dist/index.js";
import { adminConfiguration, boardMinutes, buildingThePicture, cityOfLondonResponse, recommendation, refused } from "./support.mjs";

test("a file is uploaded and downloaded as binary, versions are listed, and the evidence is accepted", async () => {
    const configuration = adminConfiguration();
    const inspection = await new InspectionsClient(configuration).createInspection(buildingThePicture());
    const finding = await new FindingsClient(configuration).createFinding(inspection.id, recommendation("Recommendation 8"));
    const response = await new ResponsesClient(configuration).createForceResponse(finding.id, cityOfLondonResponse());
    const evidence = new EvidenceClient(configuration);
    const minutes = await evidence.addResponseEvidence(response.id, boardMinutes());
    const pdf = new Uint8Array(300_000);
    pdf.set(new TextEncoder().encode("%PDF-1.7\n"));
    pdf.fill(0x61, 9);

    const uploaded = await evidence.uploadEvidenceFile(minutes.id, { data: new Blob([pdf], { type: "application/pdf" }), fileName: "minutes.pdf" });
    await refused(evidence.uploadEvidenceFile(minutes.id, { data: new Blob(["<svg onload='alert(1)'/>"], { type: "text/plain" }), fileName: "minutes.txt" }), 415);

    assert.equal(uploaded.version, 1);
    assert.equal(uploaded.contentType, "application/pdf");
    assert.equal(uploaded.sha256, createHash("sha256").update(pdf).digest("hex"));
    assert.deepEqual((await evidence.listEvidenceFiles(minutes.id)).map(f => f.version), [1]);
    const latest = await evidence.downloadLatestEvidenceFile(minutes.id);
    assert.equal(latest.status, 200);
    assert.ok(latest.data instanceof Blob, "a file comes back as a Blob");
    assert.equal(latest.fileName, "minutes.pdf");
    assert.deepEqual(new Uint8Array(await latest.data.arrayBuffer()), pdf);
    const first = await evidence.downloadEvidenceFile(minutes.id, 1);
    assert.equal(first.data.size, pdf.length);

    const accepted = await evidence.acceptEvidence(minutes.id, { reason: "Minuted.", expiresOn: "2030-01-01" });
    assert.equal(accepted.reviewState, "Accepted");
    assert.equal(accepted.expiresOn, "2030-01-01");
});
