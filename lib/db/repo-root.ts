import { existsSync } from "node:fs";
import path from "node:path";

// Found by walking up from the working directory rather than from import.meta.url: once Next.js
// bundles this file, import.meta.url points into .next/, not into the repository.
export function repoRoot(start: string = process.cwd()): string {
  // turbopackIgnore: a lookup at run time; without it the build traces the whole project.
  let dir = path.resolve(/*turbopackIgnore: true*/ start);
  for (;;) {
    if (existsSync(path.join(dir, "prisma", "schema.prisma"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(/*turbopackIgnore: true*/ start);
    dir = parent;
  }
}
