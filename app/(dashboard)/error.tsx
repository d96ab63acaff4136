"use client";

import { Button } from "@/components/ui/button";

export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-6">
      <h2 className="font-semibold text-red-900">Something went wrong</h2>
      <p className="mt-1 text-sm text-red-800">The page could not be loaded. Nothing was changed.</p>
      <Button variant="secondary" className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
