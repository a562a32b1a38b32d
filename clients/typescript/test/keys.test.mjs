// Key hygiene through the client: rotation, expiry and last use, as an admin's tooling would use them.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { ApiKeysClient, ForcesClient } from "../dist/index.js";
import { adminConfiguration, configurationWithKey, refused, unique } from "./support.mjs";

test("a rotated key's replacement works beside the old key, which stops at the expiry the rotation gave it", async () => {
    const keys = new ApiKeysClient(adminConfiguration());
    const old = await keys.createApiKey({ clientName: unique("suffolk-tracker"), role: "Reader", forceCode: "suffolk" }, randomUUID());
    const until = new Date(Date.now() + 3_000);

    const replacement = await keys.rotateApiKey(old.id, { oldKeyExpiresAt: until });

    assert.equal(replacement.replacesKeyId, old.id);
    assert.equal(replacement.forceCode, "suffolk");
    assert.notEqual(replacement.secret, old.secret);
    await new ForcesClient(configurationWithKey(old.secret)).getForce("suffolk");
    await new ForcesClient(configurationWithKey(replacement.secret)).getForce("suffolk");
    const read = await keys.getApiKey(old.id);
    assert.equal(new Date(read.expiresAt).getTime(), until.getTime());
    assert.ok(read.lastUsedAt, "the old key's use was recorded");
    await new Promise(resolve => setTimeout(resolve, until.getTime() - Date.now() + 500));
    await refused(new ForcesClient(configurationWithKey(old.secret)).getForce("suffolk"), 401);
    await new ForcesClient(configurationWithKey(replacement.secret)).getForce("suffolk");
});

test("rotating a revoked key is refused with 409", async () => {
    const keys = new ApiKeysClient(adminConfiguration());
    const old = await keys.createApiKey({ clientName: unique("suffolk-dashboard"), role: "Reader", forceCode: "suffolk" }, randomUUID());
    await keys.revokeApiKey(old.id);

    await refused(keys.rotateApiKey(old.id, {}), 409);
});
