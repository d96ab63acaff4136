import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The README shows the product before anyone runs it: every picture it links must be there, as
// `npm run screenshots` writes it (e2e/screenshots/capture.shots.ts), at the width it claims.
const readme = readFileSync("README.md", "utf8");
const capture = readFileSync("e2e/screenshots/capture.shots.ts", "utf8");
const matches = [...readme.matchAll(/\]\((docs\/screenshots\/([a-z0-9-]+)-(desktop|phone)\.png)\)/g)];
const linked = [...new Map(matches.map((m) => [m[1]!, [m[1]!, m[2]!, m[3]!] as const])).values()];
const sizes = { desktop: [1280, 800], phone: [390, 844] } as const;

describe("the README's screenshots", () => {
  it("links some", () => {
    expect(linked.length).toBeGreaterThanOrEqual(4);
  });

  it.each(linked)("%s is a PNG at its width, written by the capture script", (path, state, width) => {
    const png = readFileSync(path);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(sizes[width as keyof typeof sizes]);
    expect(capture.includes(`"${state}-${width}"`) || capture.includes(`\`${state}-\${label}\``)).toBe(true);
  });
});
