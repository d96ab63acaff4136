// A stored message's HTML as its preview document: pure, shared by the preview route (which
// serves it) and the message's page (which frames it and offers "Show remote images").
//
// The preview is a response of its own, not a srcdoc frame: a srcdoc document inherits the
// page's CSP, so remote images could only be allowed by loosening the dashboard's own policy.
// Served from its own URL it carries its own CSP, one per choice, and the page's stays as it is.

/**
 * The preview's CSP. Nothing runs (script-src 'none', and `sandbox` without allow-scripts even
 * when the URL is opened outside its iframe), nothing is submitted or framed, styles only inline;
 * images only from the message itself (data:, cid:) unless the person asked for remote ones.
 * Only Keyward's own pages may frame it.
 */
export function previewContentSecurityPolicy({ remoteImages }: { remoteImages: boolean }): string {
  return [
    "default-src 'none'",
    "script-src 'none'",
    `img-src ${remoteImages ? "https: http: data: cid:" : "data: cid:"}`,
    "style-src 'unsafe-inline'",
    "font-src data:",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
    "sandbox",
  ].join("; ");
}

/** The message's HTML inside a document of its own; links open outside the frame. */
export function previewDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"></head><body>${html}</body></html>`;
}

/** The query that asks the preview route for remote images. */
export const REMOTE_IMAGES_QUERY = "images=remote";

/** The preview's URL: the message's page frames it. */
export function previewPath(messageId: string, { remoteImages }: { remoteImages: boolean }): string {
  return `/settings/email_activity/${encodeURIComponent(messageId)}/preview${remoteImages ? `?${REMOTE_IMAGES_QUERY}` : ""}`;
}

// An image source, srcset, background or poster attribute, or a CSS url(), that names another
// host (http:, https: or protocol-relative). Generous on purpose: a false "yes" only shows a
// button that changes nothing, a false "no" would hide images the person cannot then ask for.
const REMOTE_REFERENCE = /(?:\b(?:src|srcset|background|poster)\s*=\s*["']?|url\(\s*["']?|,\s*)\s*(?:https?:)?\/\//i;

/** Whether the HTML references images elsewhere: the page offers "Show remote images" only then. */
export function hasRemoteImages(html: string): boolean {
  // Attribute values may spell ":" and "/" as character references.
  const decoded = html.replace(/&colon;|&#0*58;|&#x0*3a;/gi, ":").replace(/&sol;|&#0*47;|&#x0*2f;/gi, "/");
  return REMOTE_REFERENCE.test(decoded);
}
