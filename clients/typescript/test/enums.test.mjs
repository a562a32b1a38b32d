// The service adds enum values in minor versions (openapi/README.md). The client declares enums as
// string unions, which are plain strings when it runs: a value added after this client was generated
// reaches the caller as sent, and the rest of the answer with it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ForcesClient } from "../dist/index.js";
import { adminConfiguration } from "./support.mjs";

test("a force kind added after the client was generated reads as sent", async () => {
    // The service's real answer, with the kind renamed as a later release might name a new one.
    const renaming = async (input, init) => {
        const response = await globalThis.fetch(input, init);
        const text = await response.text();
        assert.match(text, /"kind":"Collaboration"/);
        return new Response(text.replace('"kind":"Collaboration"', '"kind":"RegionalUnit"'),
            { status: response.status, headers: response.headers });
    };

    const force = await new ForcesClient(adminConfiguration(renaming)).getForce("bch");

    assert.equal(force.kind, "RegionalUnit");
    assert.equal(force.code, "bch");
    assert.ok(force.name.length > 0);
});
