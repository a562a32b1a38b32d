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
import { inflateSync } from "node:zlib";
import { chromium } from "playwright-core";

// The running footer of each printed page ("Page 3 of 35" and the title), read back from the PDF: each
// page's content stream inflated and its glyphs mapped to text through the fonts' ToUnicode tables.
function footers(pdf) {
    const objects = new Map();
    for (const m of pdf.toString("latin1").matchAll(/(\d+) 0 obj(.*?)endobj/gs)) objects.set(Number(m[1]), m[2]);
    const stream = body => {
        const m = /stream\r?\n(.*?)\r?\nendstream/s.exec(body);
        if (!m) return "";
        const raw = Buffer.from(m[1], "latin1");
        try { return inflateSync(raw).toString("latin1"); } catch { return raw.toString("latin1"); }
    };
    const fonts = new Map();
    for (const [number, body] of objects) {
        const unicode = /\/ToUnicode (\d+) 0 R/.exec(body);
        if (!unicode) continue;
        const cmap = stream(objects.get(Number(unicode[1]))), table = new Map();
        for (const block of cmap.matchAll(/beginbfchar(.*?)endbfchar/gs))
            for (const [, a, b] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) table.set(parseInt(a, 16), Buffer.from(b, "hex").swap16().toString("utf16le"));
        // A range maps to consecutive code points from one start, or (the array form) to one string each;
        // which form a font's subset gets depends on its glyphs, so on the page's text.
        for (const block of cmap.matchAll(/beginbfrange(.*?)endbfrange/gs))
            for (const [, a, b, c, list] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
                const each = list ? [...list.matchAll(/<([0-9A-Fa-f]+)>/g)].map(x => Buffer.from(x[1], "hex").swap16().toString("utf16le")) : null;
                for (let i = parseInt(a, 16); i <= parseInt(b, 16); i++)
                    table.set(i, each ? each[i - parseInt(a, 16)] ?? "" : String.fromCodePoint(parseInt(c, 16) + i - parseInt(a, 16)));
            }
        fonts.set(number, table);
    }
    const pages = [...objects.values()].filter(body => /\/Type\s*\/Page(?![a-z])/.test(body));
    return pages.map(page => {
        // The page's fonts, named in its own resources or in a resources or font dictionary it refers to.
        const dictionaries = [page, ...[...page.matchAll(/\/(?:Resources|Font) (\d+) 0 R/g)].map(m => objects.get(Number(m[1])) ?? "")];
        for (const d of [...dictionaries]) for (const m of d.matchAll(/\/Font (\d+) 0 R/g)) dictionaries.push(objects.get(Number(m[1])) ?? "");
        const names = new Map(dictionaries.flatMap(d => [...d.matchAll(/\/(F\d+) (\d+) 0 R/g)]).map(m => [m[1], fonts.get(Number(m[2])) ?? new Map()]));
        const content = stream(objects.get(Number(/\/Contents (\d+) 0 R/.exec(page)?.[1])) ?? "");
        let font = new Map(), text = "";
        for (const m of content.matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)>/g)) {
            if (m[1]) font = names.get(m[1]) ?? new Map();
            else for (let i = 0; i < m[2].length; i += 4) text += font.get(parseInt(m[2].slice(i, i + 4), 16)) ?? "";
        }
        return /Page \d+ of \d+/.exec(text)?.[0] ?? null;
    });
}

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
        // Content wider than its own box counts too, except in boxes hidden for screen readers only (1 px wide).
        .filter(e => e.getBoundingClientRect().right > width + 1
            || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible" && e.clientWidth > 20 && !(e instanceof SVGElement))
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
    console.log(JSON.stringify({ pages, footers: footers(await readFile(pdf)), printWidth, printOverflow, screenOverflow, requests: requests.filter(r => r !== url), ...facts }));
} catch (error) {
    console.error(`${error.stack ?? error}`);
    process.exitCode = 1;
} finally {
    await browser.close();
}
