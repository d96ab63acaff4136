import { describe, expect, it } from "vitest";
import { hasRemoteImages, previewContentSecurityPolicy, previewDocument, previewPath } from "./preview";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("the preview's CSP", () => {
  it("blocks remote images by default and allows them, and only them, when asked", () => {
    const blocked = directives(previewContentSecurityPolicy({ remoteImages: false }));
    const allowed = directives(previewContentSecurityPolicy({ remoteImages: true }));
    expect(blocked.get("img-src")).toEqual(["data:", "cid:"]);
    expect(allowed.get("img-src")).toEqual(["https:", "http:", "data:", "cid:"]);
    blocked.delete("img-src");
    allowed.delete("img-src");
    expect(allowed).toEqual(blocked);
  });

  it.each([false, true])("never runs scripts, submits, or lets other sites frame it (remote images %s)", (remoteImages) => {
    const csp = directives(previewContentSecurityPolicy({ remoteImages }));
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("script-src")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'self'"]);
    // A bare sandbox directive: the document is sandboxed even when opened outside its iframe.
    expect(csp.get("sandbox")).toEqual([]);
  });
});

describe("previewDocument and previewPath", () => {
  it("wraps the HTML as it is, with links leaving the frame", () => {
    expect(previewDocument("<p>Hi</p>")).toBe('<!doctype html><html><head><meta charset="utf-8"><base target="_blank"></head><body><p>Hi</p></body></html>');
  });

  it("names the message's preview, with remote images only when asked", () => {
    expect(previewPath("a/b?c", { remoteImages: false })).toBe("/settings/email_activity/a%2Fb%3Fc/preview");
    expect(previewPath("m1", { remoteImages: true })).toBe("/settings/email_activity/m1/preview?images=remote");
  });
});

describe("hasRemoteImages", () => {
  it.each([
    '<img src="https://example.com/a.png">',
    "<img src='http://example.com/a.png'>",
    "<img src=//example.com/a.png>",
    '<IMG SRC = " https://example.com/a.png">',
    '<img srcset="https://example.com/a.png 2x">',
    '<img srcset="data:image/png;base64,AA 1x, https://example.com/b.png 2x">',
    '<td background="https://example.com/bg.png">',
    '<div style="background: url(https://example.com/bg.png)">',
    "<style>p { background-image: url( 'http://example.com/bg.png' ) }</style>",
    '<video poster="https://example.com/p.png">',
    '<img src="https&#58;//example.com/a.png">',
    '<img src="https&colon;&sol;&sol;example.com/a.png">',
  ])("finds a remote image in %s", (html) => {
    expect(hasRemoteImages(html)).toBe(true);
  });

  it.each([
    "<p>No images here</p>",
    '<img src="data:image/png;base64,AAAA">',
    '<img src="cid:logo@example.com">',
    '<a href="https://example.com/">a link is not an image</a>',
    "<p>See https://example.com/a.png for the picture</p>",
  ])("finds none in %s", (html) => {
    expect(hasRemoteImages(html)).toBe(false);
  });
});
