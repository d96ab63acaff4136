"use client";

import { useLinkStatus } from "next/link";

// Inside a <Link> whose page has no loading.tsx (see page-loading.tsx) and is not prefetched: a
// small spinner beside the link from the click until the page arrives. Always there, so nothing
// shifts, but visible and spinning only then (an idle animation would never let a page settle);
// hidden from assistive technology, so the link's name stays exactly its text.
export function LinkPending() {
  const { pending } = useLinkStatus();
  return <PendingMark pending={pending} />;
}

/** The spinner itself, for a link that tracks its own navigation (the API keys table's names). */
export function PendingMark({ pending }: { pending: boolean }) {
  return (
    <span
      aria-hidden="true"
      data-link-pending={pending ? "" : undefined}
      className={`ml-1.5 inline-block size-3 rounded-full border-2 border-slate-300 border-t-brand-600 align-[-1px] ${pending ? "visible animate-spin" : "invisible"}`}
    />
  );
}
