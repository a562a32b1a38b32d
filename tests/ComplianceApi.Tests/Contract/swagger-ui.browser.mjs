// Drives the service's Swagger UI in Debian's Chromium, as a developer of another force system would
// first meet the API: every tag of the committed contract is listed, a call without a key is refused,
// and after authorizing with an API key in the Authorize dialog the same call answers 200 with data.
// Environment: BASE_URL (the running service), API_KEY, CHROMIUM (the browser's path, /usr/bin/chromium).
// Prints one JSON line with what it saw; exits 1 with the reason (and a screenshot's path) on failure.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const { BASE_URL: baseUrl, API_KEY: apiKey, CHROMIUM: executablePath = "/usr/bin/chromium" } = process.env;
if (!baseUrl || !apiKey) {
    console.error("Set BASE_URL and API_KEY (and CHROMIUM when the browser is not /usr/bin/chromium).");
    process.exit(2);
}

const contract = JSON.parse(await readFile(new URL("../../../openapi/compliance-api.json", import.meta.url), "utf8"));
const contractTags = [...new Set([
    ...(contract.tags ?? []).map(t => t.name),
    ...Object.values(contract.paths).flatMap(path => Object.values(path).flatMap(operation => operation.tags ?? [])),
])].sort();

const profile = await mkdtemp(join(tmpdir(), "swagger-ui-chromium-"));
// A fresh profile per run; the flags keep Chromium, running as root in a closed network, from
// sandboxing, using a GPU, or calling home.
const browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ],
});
const page = browser.pages()[0] ?? await browser.newPage();
page.setDefaultTimeout(30_000);
const sentKeys = [];
page.on("request", request => {
    if (new URL(request.url()).pathname === "/api/v1/forces") {
        sentKeys.push(request.headers()["x-api-key"] ?? null);
    }
});

try {
    await page.goto(new URL("/swagger/index.html", baseUrl).href);
    await page.locator(".opblock-tag").first().waitFor();
    const listedTags = (await page.locator(".opblock-tag").evaluateAll(tags => tags.map(t => t.getAttribute("data-tag")))).sort();
    const missing = contractTags.filter(tag => !listedTags.includes(tag));
    assert.deepEqual(missing, [], `tags of the contract missing from Swagger UI: ${missing.join(", ")} (listed: ${listedTags.join(", ")})`);

    const listForces = page.locator("#operations-Forces-ListForces");
    await listForces.locator(".opblock-summary").click();
    await listForces.locator("button.try-out__btn").click();
    const status = async () => {
        const cell = listForces.locator(".live-responses-table tr.response .response-col_status");
        await cell.waitFor();
        return (await cell.innerText()).trim();
    };
    await listForces.locator("button.execute").click();
    const withoutKey = await status();
    assert.equal(withoutKey, "401", "Swagger UI's call before authorizing should be refused");

    await page.locator(".auth-wrapper button.authorize").click();
    const dialog = page.locator(".modal-ux");
    // The dialog has a form per scheme (the API key, and bearer tokens beside it): use the key's.
    const keyForm = dialog.locator("form").filter({ has: page.locator("input#api_key_value") });
    await keyForm.locator("input#api_key_value").fill(apiKey);
    await keyForm.getByRole("button", { name: "Apply credentials" }).click();
    await dialog.getByRole("button", { name: "Remove authorization" }).waitFor(); // the key's scheme shows as authorized (its form re-renders without the input)
    await dialog.locator("button.btn-done").first().click(); // each form has its own Close; any closes the dialog

    await listForces.locator("button.btn-clear").click();
    await listForces.locator("button.execute").click();
    const withKey = await status();
    const body = JSON.parse(await listForces.locator(".live-responses-table tr.response .response-col_description pre").first().innerText());

    assert.equal(withKey, "200", "Swagger UI's call after authorizing with the API key");
    assert.ok(Array.isArray(body) && body.some(force => force.code === "lancashire"), `the forces answered: ${JSON.stringify(body).slice(0, 300)}`);
    assert.deepEqual(sentKeys, [null, apiKey], "the X-Api-Key header Swagger UI sent on each call");
    console.log(JSON.stringify({ tags: listedTags, withoutKey, withKey, forces: body.length }));
} catch (error) {
    const screenshot = join(tmpdir(), `swagger-ui-failure-${Date.now()}.png`);
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
    console.error(`${error.stack ?? error}\nScreenshot: ${screenshot}`);
    process.exitCode = 1;
} finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
}
