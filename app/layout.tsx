import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { DemoBanner } from "./_components/demo-banner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Keyward", template: "%s · Keyward" },
  description: "API key management for your email-sending account",
  // Static files from public/; robots.txt there keeps the whole dashboard out of search engines,
  // and the robots meta tag says the same to crawlers that reach a page through a link.
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }, { url: "/icon-192.png", sizes: "192x192" }], apple: "/apple-touch-icon.png" },
  manifest: "/site.webmanifest",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, the 404 included: a prerendered page's scripts could not
  // carry the request's CSP nonce (proxy.ts), and the browser would refuse them.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <DemoBanner />
        {children}
      </body>
    </html>
  );
}
