// The security headers of every response. Pure: proxy.ts (the per-request CSP with its nonce)
// and server.ts (the rest, on every response, /v3 and static files included) call these.

type Env = Readonly<Record<string, string | undefined>>;

/** Served over https (AUTH_URL says so): then HSTS, and any stray http request is upgraded. */
export function servedOverHttps(env: Env = process.env): boolean {
  return (env.AUTH_URL ?? "").toLowerCase().startsWith("https://");
}

/**
 * Scripts only with this response's nonce, or loaded by such a script ('strict-dynamic'); no
 * 'unsafe-inline' for scripts. Next reads the nonce back from the request's copy of this header
 * and puts it on its own scripts. In development React needs eval for its error overlays.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Styles may be inline: React and Next set style attributes (which no nonce can cover), and
    // the CSP's aim here is scripts. A nonce in this list would switch 'unsafe-inline' off.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 16 random bytes, base64: unguessable and new for every request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

// The one response meant to be framed: a stored message's HTML preview (its route sets its own
// CSP, frame-ancestors 'self'). Matched on the raw request path, with or without a query.
const FRAMED_PREVIEW = /^\/settings\/email_activity\/[^/?#]+\/preview(?:\?|$)/;

/** Whether a request is for the message preview: proxy.ts leaves it the page CSP, server.ts allows same-origin framing. */
export function isFramedPreview(url: string): boolean {
  return FRAMED_PREVIEW.test(url);
}

/**
 * For every response: no framing (old browsers read X-Frame-Options, new ones the CSP's
 * frame-ancestors), no Referer (invitation and reset links carry tokens in their path), no
 * content sniffing, and HSTS when served over https.
 */
export function staticSecurityHeaders(env: Env = process.env): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    ...(servedOverHttps(env) ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
