import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isFramedPreview, newNonce, servedOverHttps } from "@/lib/server/security-headers";

// Next.js 16's proxy (formerly middleware), as in Next's Content Security Policy guide: a fresh
// nonce per page request, in the response's CSP and in the request's copy, where Next's renderer
// finds it and puts it on its scripts. The other security headers are set by server.ts on every
// response, this one's included.
export function proxy(request: NextRequest) {
  // A message's HTML preview carries a CSP of its own (lib/mail/preview.ts); the page's would
  // forbid its framing and, being set first, would replace it.
  if (isFramedPreview(request.nextUrl.pathname)) return NextResponse.next();
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development", https: servedOverHttps() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // Pages (and server actions, which answer with pages' payloads); not Next's hashed static
    // files, which carry no markup, nor Auth.js's JSON and redirects.
    {
      source: "/((?!api/|_next/static|_next/image|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
