// The API Keys page's JavaScript budget (issue 9), read from the production build: deterministic,
// no server, no timings. Run by `npm test` after `next build`; `npx tsx scripts/page-budget.ts`
// prints the table alone.
//
// The scripts a first visit downloads are the build's root scripts (React, Next's router and
// runtime) plus the client chunks of each segment on the page's path (layouts, error boundaries,
// the page), as Next writes them into the page's <script> tags. Chunks loaded later (the forms and
// dialogs, when they open) are not counted. Each file is compressed exactly as server.ts serves it
// (lib/server/static-assets.ts): brotli to browsers that ask for it (every current browser does),
// gzip to the others.
import { readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { brotliOptions, gzipOptions } from "../lib/server/static-assets.ts";

export const PAGE = "/(dashboard)/settings/api_keys/(list)/page";
/** What a browser downloads (brotli), as issue 9 sets it. */
export const BROTLI_BUDGET = 150_000;
/** The same scripts for a client that cannot take brotli: a guard against growth, not a target. */
export const GZIP_BUDGET = 165_000;
// Kept out of the first load on purpose: they come with the forms, when one opens.
const LAZY_MARKERS = { zod: "ZodError", "react-hook-form": "shouldUnregister" };
// Segment files whose chunks are in every page's script tags; not-found and the like load on demand.
const SEGMENT_FILES = new Set(["layout", "template", "error", "loading", "page"]);

export interface PageScript {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
  lazyMarkers: string[];
}

export function pageScripts(buildDir: string, page = PAGE): PageScript[] {
  const buildManifest = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifestFile = path.join(buildDir, "server", "app", ...page.slice(1).split("/")) + "_client-reference-manifest.js";
  // The manifest is a script assigning globalThis.__RSC_MANIFEST[page]; its JSON is the right-hand side.
  const source = readFileSync(manifestFile, "utf8");
  const json = source.slice(source.indexOf("=", source.indexOf(`["${page}"]`)) + 1).trim().replace(/;$/, "");
  const manifest = JSON.parse(json) as { entryJSFiles: Record<string, string[]> };
  const files = new Set(buildManifest.rootMainFiles);
  for (const [segment, chunks] of Object.entries(manifest.entryJSFiles)) {
    if (SEGMENT_FILES.has(segment.split("/").pop() ?? "")) for (const chunk of chunks) files.add(chunk);
  }
  return [...files].map((file) => {
    const body = readFileSync(path.join(buildDir, file));
    const text = body.toString("utf8");
    return {
      file,
      bytes: body.length,
      gzip: gzipSync(body, gzipOptions).length,
      brotli: brotliCompressSync(body, brotliOptions).length,
      lazyMarkers: Object.entries(LAZY_MARKERS).filter(([, marker]) => text.includes(marker)).map(([name]) => name),
    };
  });
}

export function budgetProblems(scripts: PageScript[]): string[] {
  const brotli = scripts.reduce((sum, script) => sum + script.brotli, 0);
  const gzip = scripts.reduce((sum, script) => sum + script.gzip, 0);
  const problems: string[] = [];
  if (brotli > BROTLI_BUDGET) problems.push(`${brotli} bytes with brotli, over the budget of ${BROTLI_BUDGET}`);
  if (gzip > GZIP_BUDGET) problems.push(`${gzip} bytes with gzip, over the guard of ${GZIP_BUDGET}`);
  for (const script of scripts) {
    for (const name of script.lazyMarkers) problems.push(`${script.file} carries ${name}, which should load only with the forms`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const buildDir = path.resolve(process.argv[2] ?? ".next");
  const scripts = pageScripts(buildDir);
  const kb = (n: number) => (n / 1000).toFixed(1).padStart(7);
  console.log(`The API Keys page's JavaScript (${scripts.length} scripts), kB = 1,000 bytes:`);
  console.log("    raw    gzip  brotli  file");
  for (const s of scripts) console.log(`${kb(s.bytes)} ${kb(s.gzip)} ${kb(s.brotli)}  ${s.file}${s.lazyMarkers.length ? `  (${s.lazyMarkers.join(", ")})` : ""}`);
  const total = (key: "bytes" | "gzip" | "brotli") => scripts.reduce((sum, s) => sum + s[key], 0);
  console.log(`${kb(total("bytes"))} ${kb(total("gzip"))} ${kb(total("brotli"))}  total; budget ${BROTLI_BUDGET / 1000} kB brotli, guard ${GZIP_BUDGET / 1000} kB gzip`);
  const problems = budgetProblems(scripts);
  if (problems.length > 0) {
    console.error(`Over the page's JavaScript budget (issue 9):\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
}
