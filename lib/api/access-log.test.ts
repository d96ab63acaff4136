import { describe, expect, it } from "vitest";
import { apiLog, createLogger } from "./access-log";

function capture(level?: string) {
  const lines: string[] = [];
  const log = apiLog(createLogger({ write: (line: string) => void lines.push(line) }, level));
  return { log, lines };
}

describe("the /v3 access log", () => {
  it("writes one JSON line per request with method, route pattern, status and duration", () => {
    const { log, lines } = capture("info");
    log.access({ method: "GET", route: "/v3/scopes", status: 200, ms: 0.4 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: "v3", method: "GET", route: "/v3/scopes", status: 200, ms: 0.4 });
  });

  it("leaves access lines out at LOG_LEVEL=warn and keeps errors", () => {
    const { log, lines } = capture("warn");
    log.access({ method: "GET", route: "/v3/scopes", status: 200, ms: 0.4 });
    log.error("[v3] GET /v3/scopes failed: Error");
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(["[v3] GET /v3/scopes failed: Error"]);
  });

  it("refuses an unknown LOG_LEVEL with a message naming the allowed ones", () => {
    expect(() => capture("verbose")).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
  });
});
