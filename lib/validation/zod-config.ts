import { z } from "zod";

// Zod compiles object parsers with `new Function` when it may, and first probes whether it may.
// Under the pages' Content-Security-Policy (no 'unsafe-eval') that probe is refused and reported
// as a CSP violation. jitless skips both; the forms' schemas are small, so nothing is lost.
z.config({ jitless: true });
