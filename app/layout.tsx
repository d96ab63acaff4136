import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DemoBanner } from "./_components/demo-banner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Keyward", template: "%s · Keyward" },
  description: "API key management for your email-sending account",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <DemoBanner />
        {children}
      </body>
    </html>
  );
}
