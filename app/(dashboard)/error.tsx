"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

// "Try again" is retry, not reset: reset only re-renders what the server already sent (the same
// error), retry fetches the page again.
export default function DashboardError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">Something went wrong</h1>
      <p className="mt-1 text-sm text-red-800">The page could not be loaded. Nothing was changed.</p>
      {error.digest ? <p className="mt-1 text-xs text-red-800">Reference: {error.digest}</p> : null}
      <div className="mt-4 flex flex-wrap gap-3">
        <Button variant="secondary" onClick={retry}>
          Try again
        </Button>
        <Link href="/" className="rounded-md px-4 py-2 text-sm font-medium text-red-900 underline underline-offset-2">
          Back to your settings
        </Link>
      </div>
    </div>
  );
}
