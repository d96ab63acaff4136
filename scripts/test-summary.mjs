// Prints one line, "N passed, N failed", from the reports scripts/test.sh leaves in
// test-results/reports. A stage that failed before or outside a test runner (install, lint,
// types, build, a crashed runner) counts as one failure, so a red run never reads "0 failed".
import { existsSync, readFileSync } from "node:fs";

const exitCode = Number(process.argv[2] ?? 0);
const dir = "test-results/reports";
const read = (name) => (existsSync(`${dir}/${name}`) ? JSON.parse(readFileSync(`${dir}/${name}`, "utf8")) : null);

let passed = 0;
let failed = 0;
const vitest = read("vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
const playwright = read("playwright.json");
if (playwright) {
  // "flaky" passed on a retry; "unexpected" failed every attempt.
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  // Errors outside any test (a global setup, the web server) fail the run without a failed test.
  if (playwright.errors?.length && playwright.stats.unexpected === 0) failed += 1;
}
if (exitCode !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed`);
