import { describe, expect, it } from "vitest";
import { isSignUpOpen, listenHost, runMode } from "./mode";

describe("runMode", () => {
  it("is demo only when KEYWARD_DEMO=1, whatever NODE_ENV says", () => {
    expect(runMode({ KEYWARD_DEMO: "1", NODE_ENV: "production" })).toBe("demo");
    expect(runMode({ NODE_ENV: "production" })).toBe("production");
    expect(runMode({ KEYWARD_DEMO: "0", NODE_ENV: "production" })).toBe("production");
    expect(runMode({})).toBe("development");
  });
});

describe("isSignUpOpen", () => {
  it("is open in the demo, closed in production unless KEYWARD_SIGNUP=open", () => {
    expect(isSignUpOpen({ KEYWARD_DEMO: "1" })).toBe(true);
    expect(isSignUpOpen({ NODE_ENV: "production" })).toBe(false);
    expect(isSignUpOpen({ NODE_ENV: "production", KEYWARD_SIGNUP: "closed" })).toBe(false);
    expect(isSignUpOpen({ NODE_ENV: "production", KEYWARD_SIGNUP: "open" })).toBe(true);
  });
});

describe("listenHost", () => {
  it("listens on loopback in the demo and on every interface in production, unless HOST says otherwise", () => {
    expect(listenHost({ KEYWARD_DEMO: "1", NODE_ENV: "production" })).toBe("127.0.0.1");
    expect(listenHost({ NODE_ENV: "production" })).toBe("0.0.0.0");
    expect(listenHost({ KEYWARD_DEMO: "1", HOST: "0.0.0.0" })).toBe("0.0.0.0");
    expect(listenHost({ NODE_ENV: "production", HOST: "10.0.0.5" })).toBe("10.0.0.5");
    expect(listenHost({})).toBe("127.0.0.1");
  });
});
