// The bench's output: a table on the terminal and docs/PERFORMANCE.md with the machine, the
// commit, the figures and each target of issue 9 that the /v3 bench measures.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import type { LoadResult } from "./load.ts";

export interface Row {
  database: string;
  label: string;
  result: LoadResult;
  /** Keyward ÷ baseline for this row's round, when it is a Keyward row. */
  ratio?: number;
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean;
  /** Why it was missed and what would close it; only shown for a missed target. */
  ifMissed: string;
}

export interface Machine {
  date: string;
  cores: number;
  cpu: string;
  node: string;
  commit: string;
  loadBefore: string;
}

export function describeMachine(): Machine {
  const commit = (() => {
    try {
      const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
      // The document this run rewrites does not count as a change to what was measured.
      const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":!docs/PERFORMANCE.md"], { encoding: "utf8" }).trim();
      return dirty ? `${sha} (with uncommitted changes)` : sha;
    } catch {
      return "unknown (not a git checkout)";
    }
  })();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    commit,
    loadBefore: os.loadavg().map((load) => load.toFixed(2)).join(", "),
  };
}

const num = (value: number, digits = 0) => value.toFixed(digits);

export function formatRow(row: Row): string {
  const { result } = row;
  return [
    row.database.padEnd(10),
    row.label.padEnd(58),
    num(result.perSecond).padStart(7),
    num(result.p50, 2).padStart(7),
    num(result.p99, 2).padStart(7),
    String(result.errors).padStart(6),
    row.ratio === undefined ? "" : `${num(row.ratio * 100)}%`.padStart(6),
  ].join(" ");
}

export const tableHeader = `${"database".padEnd(10)} ${"measurement".padEnd(58)} ${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(6)} ${"ratio".padStart(6)}`;

export function writePerformanceDoc(file: string, machine: Machine, settings: string, rows: Row[], targets: Target[], notes: string[]): void {
  const lines = [
    "# Performance",
    "",
    "Written by `npm run bench` (bench/v3-scopes.ts); rerun it to refresh. Loopback only.",
    "",
    `- date: ${machine.date}`,
    `- machine: ${machine.cores} cores, ${machine.cpu}; load average (1, 5, 15 min) ${machine.loadBefore} before the run, ${os.loadavg().map((load) => load.toFixed(2)).join(", ")} after`,
    `- Node ${machine.node}; commit ${machine.commit}`,
    `- ${settings}`,
    "",
    "The load generator runs on the same cores as the servers, and the machine may be shared:",
    "absolute figures are noisy, so every Keyward figure is paired with a baseline measured in the",
    "same run, interleaved, and the median of the per-round ratios is what the targets use. A load",
    "average well above the number of cores means other work shared the machine during the run.",
    "",
    "## Targets (issue 9)",
    "",
    "| target | goal | measured | met |",
    "| --- | --- | --- | --- |",
    ...targets.map((t) => `| ${t.name} | ${t.goal} | ${t.measured} | ${t.met ? "yes" : "**no**"} |`),
    "",
    ...targets.filter((t) => !t.met).flatMap((t) => [`- **${t.name}, missed:** ${t.ifMissed}`]),
    "",
    "## Figures",
    "",
    "| database | measurement | req/s | p50 ms | p99 ms | errors | Keyward ÷ baseline |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(({ database, label, result, ratio }) =>
      `| ${database} | ${label} | ${num(result.perSecond)} | ${num(result.p50, 2)} | ${num(result.p99, 2)} | ${result.errors} | ${ratio === undefined ? "" : `${num(ratio * 100)}%`} |`,
    ),
    "",
    "## Notes",
    "",
    ...notes.map((note) => `- ${note}`),
    "",
  ];
  mkdirSync(file.replace(/\/[^/]+$/, ""), { recursive: true });
  writeFileSync(file, lines.join("\n"));
}
