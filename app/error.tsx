"use client";

import Link from "next/link";
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
          <Link href="/" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
            Back to Keyward
          </Link>
        </>
      }
    >
      <p>The page could not be shown. Nothing was changed.</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-600">Reference: {error.digest}</p> : null}
    </StatusPage>
  );
}
