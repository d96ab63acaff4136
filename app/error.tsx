"use client";

import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

// Unexpected failures outside the dashboard (whose own error.tsx keeps its frame). The error
// itself was logged on the server; the digest lets an operator find it there.
// "Try again" is retry, not reset: reset only re-renders what the server already sent (the same
// error), retry fetches the page again.
export default function AppError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <StatusPage
      code="Error"
      title="Something went wrong"
      actions={
        <>
          <Button onClick={retry}>Try again</Button>
          {/* A full load rather than Next's Link: see StatusPage. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
            Back to Keyward
          </a>
        </>
      }
    >
      <p>The page could not be shown. Nothing was changed.</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-600">Reference: {error.digest}</p> : null}
    </StatusPage>
  );
}
