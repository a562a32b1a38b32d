// Webhook subscriptions through the generated client: create, list and ping; the receiver checks the
// signature as Standard Webhooks defines it, with node:crypto.
import assert from "node:assert/strict";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { test } from "node:test";
import { WebhooksClient } from "../dist/index.js";
import { adminConfiguration } from "./support.mjs";

/** Verifies webhook-signature: HMAC-SHA256 over "id.timestamp.body" with the secret's base64 key, "v1," and base64. */
function verify(secret, headers, body) {
    const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
    const id = headers["webhook-id"], timestamp = headers["webhook-timestamp"];
    assert.ok(Math.abs(Date.now() / 1000 - Number(timestamp)) < 300, "the timestamp is recent");
    const expected = Buffer.from(createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64"));
    return headers["webhook-signature"].split(" ").some(signature => {
        const [version, value] = signature.split(",");
        const given = Buffer.from(value ?? "");
        return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

test("a subscription created, listed and pinged through the client delivers a signed ping to a receiver on 127.0.0.1", async () => {
    const received = [];
    const server = createServer((request, response) => {
        let body = "";
        request.on("data", chunk => body += chunk);
        request.on("end", () => {
            received.push({ headers: request.headers, body });
            response.writeHead(204).end();
        });
    });
    await new Promise(resolve => server.listen(0, "127.0.0.1", resolve));
    try {
        const url = `http://127.0.0.1:${server.address().port}/hooks`;
        const webhooks = new WebhooksClient(adminConfiguration());
        const created = await webhooks.createWebhookSubscription({ url, kinds: ["finding.created"], description: "TypeScript client test receiver" });
        const listed = await webhooks.listWebhookSubscriptions(undefined, 200);
        const ping = await webhooks.pingWebhookSubscription(created.subscription.id);
        // The service is shared with other tests, whose findings reach this subscription too: the ping is picked out by its id.
        const isPing = r => r.headers["webhook-id"] === ping.webhookId;
        for (let tries = 0; !received.some(isPing) && tries < 200; tries++) {
            await new Promise(resolve => setTimeout(resolve, 100));
        }

        assert.match(created.secret, /^whsec_/);
        assert.deepEqual(created.subscription.kinds, ["finding.created"]);
        assert.ok(listed.items.some(s => s.id === created.subscription.id && s.url === url));
        const pings = received.filter(isPing);
        assert.equal(pings.length, 1);
        const [webhook] = pings;
        assert.ok(verify(created.secret, webhook.headers, webhook.body), "the signature verifies with the secret");
        assert.ok(!verify(created.secret, webhook.headers, webhook.body + " "), "a changed body does not verify");
        assert.equal(JSON.parse(webhook.body).type, "webhook.ping");
        await webhooks.deleteWebhookSubscription(created.subscription.id);
    } finally {
        server.close();
    }
});
