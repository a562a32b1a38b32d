// Prints, as JSON, the names of the top-level tests each given node:test file declares, without running
// any: `node:test` is swapped for a stand-in that records names. xunit turns each into its own test case.
// Usage: node list-node-tests.mjs a.test.mjs [b.test.mjs ...]  ->  {"a.test.mjs": ["name", ...], ...}
import { register } from "node:module";
import { pathToFileURL } from "node:url";
import { basename, resolve } from "node:path";

const standIn = `
const record = name => { globalThis.nodeTestNames.push(String(name)); return Promise.resolve(); };
const ignore = () => {};
export const test = Object.assign(record, { skip: ignore, todo: ignore, only: record });
export const it = test, describe = test, suite = test;
export const before = ignore, after = ignore, beforeEach = ignore, afterEach = ignore;
export const mock = {};
export default test;`;
const standInUrl = `data:text/javascript,${encodeURIComponent(standIn)}`;

register(`data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
    return specifier === "node:test" || specifier === "test"
        ? { url: ${JSON.stringify(standInUrl)}, shortCircuit: true }
        : next(specifier, context);
}`)}`);

const listed = {};
for (const file of process.argv.slice(2)) {
    globalThis.nodeTestNames = [];
    await import(pathToFileURL(resolve(file)).href);
    listed[basename(file)] = globalThis.nodeTestNames;
}
process.stdout.write(JSON.stringify(listed));
