// The package runs wherever the platform has fetch: Node has no `window`, so these calls prove the
// client never reaches for one; a consumer's own fetch (a proxy, a retry policy, a test double) is
// used for every call once it is in the configuration.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { ComplianceApiConfiguration, ForcesClient, InspectionsClient } from "../dist/index.js";
import { adminConfiguration } from "./support.mjs";

test("the client works where there is no window global", async () => {
    assert.equal(typeof globalThis.window, "undefined");

    const lancashire = await new ForcesClient(adminConfiguration()).getForce("lancashire");

    assert.equal(lancashire.name, "Lancashire Constabulary");
    const compiled = await readFile(new URL("../dist/client.g.js", import.meta.url), "utf8");
    assert.doesNotMatch(compiled, /\bwindow\b/, "the compiled client names window, which browsers' workers and Node lack");
});

test("a fetch passed in the configuration makes every call, with the API key on each", async () => {
    const calls = [];
    const counting = (input, init) => {
        calls.push({ url: String(input), method: init?.method, apiKey: new Headers(init?.headers).get("X-Api-Key") });
        return globalThis.fetch(input, init);
    };
    const configuration = adminConfiguration(counting);

    const forces = await new ForcesClient(configuration).listForces("Territorial");
    const page = await new InspectionsClient(configuration).listInspections(undefined, undefined, undefined, undefined, 1);

    assert.ok(forces.some(f => f.code === "lancashire"));
    assert.ok(page.totalCount >= 0);
    assert.deepEqual(calls.map(c => [c.method, new URL(c.url).pathname + new URL(c.url).search]), [
        ["GET", "/api/v1/forces?kind=Territorial"],
        ["GET", "/api/v1/inspections?limit=1"],
    ]);
    assert.ok(calls.every(c => c.apiKey === configuration.apiKey));
});

test("the base URL may end with a slash", async () => {
    const { baseUrl, apiKey } = adminConfiguration();

    const force = await new ForcesClient(new ComplianceApiConfiguration(`${baseUrl.replace(/\/+$/, "")}/`, apiKey)).getForce("bch");

    assert.equal(force.kind, "Collaboration");
});

test("a call's AbortSignal is handed to fetch and cancels the call", async () => {
    let called = 0;
    const configuration = adminConfiguration((input, init) => {
        called++;
        return globalThis.fetch(input, init);
    });

    await assert.rejects(new ForcesClient(configuration).listForces(undefined, AbortSignal.abort()), { name: "AbortError" });
    assert.equal(called, 1);
});

test("the package's name resolves to the compiled client, types beside it", async () => {
    const byName = await import("@compliance-api/client");
    const byPath = await import("../dist/index.js");

    assert.equal(byName.ForcesClient, byPath.ForcesClient);
    assert.equal(byName.ComplianceApiError, byPath.ComplianceApiError);
    const declarations = await readFile(new URL("../dist/client.g.d.ts", import.meta.url), "utf8");
    assert.match(declarations, /export declare class ForcesClient/);
    assert.match(declarations, /readonly problem: HttpValidationProblemDetails \| undefined;/);
});
