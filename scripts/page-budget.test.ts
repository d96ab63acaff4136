import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BROTLI_BUDGET, budgetProblems, PAGE, pageScripts, type PageScript } from "./page-budget";

// A build directory shaped as Next 16 (Turbopack) writes it.
const build = mkdtempSync(path.join(tmpdir(), "keyward-budget-"));
afterAll(() => rmSync(build, { recursive: true, force: true }));

function file(name: string, text: string) {
  const full = path.join(build, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}

file("build-manifest.json", JSON.stringify({ rootMainFiles: ["static/chunks/react.js"], polyfillFiles: ["static/chunks/polyfill.js"] }));
file("static/chunks/react.js", "react();".repeat(100));
file("static/chunks/layout.js", "layout();");
file("static/chunks/page.js", "page();");
file("static/chunks/not-found.js", "notFound();");
file("static/chunks/form.js", "class ZodError{}");
file(
  `server/app${PAGE}_client-reference-manifest.js`,
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["${PAGE}"] = ${JSON.stringify({
    entryJSFiles: {
      "[project]/app/layout": ["static/chunks/layout.js"],
      "[project]/app/not-found": ["static/chunks/layout.js", "static/chunks/not-found.js"],
      "[project]/app/(dashboard)/settings/api_keys/page": ["static/chunks/layout.js", "static/chunks/page.js"],
    },
  })};`,
);

const script = (over: Partial<PageScript>): PageScript => ({ file: "a.js", bytes: 1, gzip: 1, brotli: 1, lazyMarkers: [], ...over });

describe("the page's JavaScript budget", () => {
  it("counts the root scripts and the chunks of the page's segments, once each, not not-found's", () => {
    const scripts = pageScripts(build);
    expect(scripts.map((s) => s.file)).toEqual(["static/chunks/react.js", "static/chunks/layout.js", "static/chunks/page.js"]);
    const react = scripts[0]!;
    expect(react.bytes).toBe(800);
    expect(react.gzip).toBeLessThan(100);
    expect(react.brotli).toBeLessThan(react.gzip);
  });

  it("fails over the budget, and when a form's library is in the first load", () => {
    expect(budgetProblems([script({ brotli: BROTLI_BUDGET })])).toEqual([]);
    expect(budgetProblems([script({ brotli: BROTLI_BUDGET }), script({ brotli: 1 })])).toEqual([
      `${BROTLI_BUDGET + 1} bytes with brotli, over the budget of ${BROTLI_BUDGET}`,
    ]);
    expect(budgetProblems([script({ gzip: 200_000 })])[0]).toMatch(/gzip/);
    expect(budgetProblems([script({ file: "x.js", lazyMarkers: ["zod"] })])).toEqual([
      "x.js carries zod, which should load only with the forms",
    ]);
  });
});
