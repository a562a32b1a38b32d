// The package's type declarations, as a consumer's compiler meets them: consumer/usage.ts (the README's
// uses) must compile under `tsc --strict`, with the library checks on, both in a Node project that has
// no DOM library and in a browser project bundled without Node's types.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const usage = fileURLToPath(new URL("./consumer/usage.ts", import.meta.url));

function compile(options) {
    const program = ts.createProgram([usage], {
        strict: true, noEmit: true, skipLibCheck: false, target: ts.ScriptTarget.ES2022, ...options,
    });
    return ts.getPreEmitDiagnostics(program).map(diagnostic => {
        const where = diagnostic.file
            ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
            : "";
        return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    });
}

test("the declarations compile strictly in a Node project without the DOM library", () => {
    const errors = compile({
        module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ["lib.es2022.d.ts"], types: ["node"],
    });

    assert.deepEqual(errors, []);
});

test("the declarations compile strictly in a bundled browser project without Node's types", () => {
    const errors = compile({
        module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: [],
    });

    assert.deepEqual(errors, []);
});
