// Prints a page of the service to PDF in Debian's Chromium, as a clerk would print it, and reports what the
// printed page holds: the number of PDF pages, elements wider than the printable width, headings, table
// headers and the text. Used by the Appendix A and public page tests and by bench/appendix.
// Environment: PAGE_URL (the page), PDF (where the PDF goes), CHROMIUM (default /usr/bin/chromium),
// PRINT_WIDTH_MM (the printable width: 277 for A4 landscape with 10 mm margins, 190 for portrait),
// SCREEN_WIDTH (optional: also lay the page out on a screen this many CSS pixels wide and report overflow there).
// Prints one JSON line; exits 1 with the reason on failure.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const { PAGE_URL: url, PDF: pdf, CHROMIUM: executablePath = "/usr/bin/chromium", PRINT_WIDTH_MM: widthMm = "277", SCREEN_WIDTH: screenWidth } = process.env;
if (!url || !pdf) {
    console.error("Set PAGE_URL and PDF (and CHROMIUM when the browser is not /usr/bin/chromium).");
    process.exit(2);
}

const profile = await mkdtemp(join(tmpdir(), "print-page-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Every element's right edge against the width it is laid out in: what would run off the paper or screen.
const overflowing = () => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
        .filter(e => e.getBoundingClientRect().right > width + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible" && e.clientWidth > 0 && !(e instanceof SVGElement))
        .slice(0, 10)
        .map(e => `${e.tagName.toLowerCase()}.${e.className?.baseVal ?? e.className}: right ${Math.round(e.getBoundingClientRect().right)} > ${width}, scroll ${e.scrollWidth} > ${e.clientWidth}`);
};

try {
    const page = browser.pages()[0] ?? await browser.newPage();
    const requests = [];
    page.on("request", r => requests.push(r.url()));
    // 96 CSS pixels an inch: the printable width in pixels.
    const printWidth = Math.floor(Number(widthMm) / 25.4 * 96);
    await page.setViewportSize({ width: printWidth, height: 800 });
    const response = await page.goto(url);
    if (response.status() !== 200) throw new Error(`${url} answered ${response.status()}`);
    await page.emulateMedia({ media: "print" });
    const printOverflow = await page.evaluate(overflowing);
    const facts = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        headings: [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map(h => `${h.tagName.toLowerCase()} ${h.textContent.trim()}`),
        columnHeaders: document.querySelectorAll("th[scope=col]").length,
        rowHeaders: document.querySelectorAll("th[scope=row]").length,
        scripts: document.querySelectorAll("script").length,
        text: document.body.innerText,
    }));
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    let screenOverflow = null;
    if (screenWidth) {
        await page.emulateMedia({ media: "screen" });
        await page.setViewportSize({ width: Number(screenWidth), height: 800 });
        screenOverflow = await page.evaluate(overflowing);
    }

    // Chromium writes one "/Type /Page" object per page (the tree's root is "/Type /Pages").
    const bytes = (await readFile(pdf)).toString("latin1");
    const pages = (bytes.match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
    console.log(JSON.stringify({ pages, printWidth, printOverflow, screenOverflow, requests: requests.filter(r => r !== url), ...facts }));
} catch (error) {
    console.error(`${error.stack ?? error}`);
    process.exitCode = 1;
} finally {
    await browser.close();
}
