import type { ReactNode } from "react";
import { BrandMark, brandClasses } from "./brand-mark";

// The frame of the 404 and error pages: the brand, what happened in plain words, a way back (a full
// page load: after an error it also starts the page afresh).
export function StatusPage({ code, title, children, actions }: { code: string; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4 sm:p-6">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {/* A plain link, not Next's Link: the root error page uses this frame, and its JavaScript is part
            of every page's, where Link would come a second time beside the dashboard's (issue 9's budget). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- deliberately a full load */}
        <a href="/" className={brandClasses}>
          <BrandMark />
        </a>
        <p className="mt-6 text-sm font-semibold text-brand-700">{code}</p>
        <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        <div className="mt-2 text-sm text-slate-700">{children}</div>
        <div className="mt-6 flex flex-wrap gap-3">{actions}</div>
      </div>
    </main>
  );
}
