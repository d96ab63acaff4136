"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { startReviewAction } from "./actions";

const labels = { api_keys: "Review API keys", audit_log: "Review audit log", email_activity: "Review email activity" } as const;

// Shown until the staff member starts a review: opening the page (a GET) reads nothing and
// records nothing; the button's POST records support.viewed, then the page shows the section.
export function StartReview({ accountId, section }: { accountId: string; section: keyof typeof labels }) {
  const [state, setState] = useState({ pending: false, message: "" });
  async function start() {
    setState({ pending: true, message: "" });
    // On success the action redirects back here; it returns only on failure.
    const result = await startReviewAction(accountId, section);
    setState({ pending: false, message: result.message });
  }
  return (
    <div className="mt-6 space-y-3">
      <p id="start-review-help" className="text-sm text-slate-600">
        Starting a review records “support.viewed” in this account&apos;s audit log, where its owners can see it.
      </p>
      <Button aria-describedby="start-review-help" disabled={state.pending} onClick={start}>
        {labels[section]}
      </Button>
      {state.message ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
