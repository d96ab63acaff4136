"use client";

import { createContext, useContext } from "react";
import { exactTime, relativeTime } from "@/lib/time/relative";

/**
 * The server's clock when the list was read. A context, not a column argument: the columns must
 * keep their identity across refreshes (see api-keys-table.tsx), and this changes on each one.
 */
export const ReadAtContext = createContext<string>(new Date(0).toISOString());

/**
 * "3 hours ago", with the exact time on hover and on focus: a <time> with a title for the mouse,
 * and a tooltip of its own that keyboard users see too (a title alone never shows on focus).
 */
export function LastUsed({ keyId, lastUsedAt }: { keyId: string; lastUsedAt: string | undefined }) {
  const readAt = useContext(ReadAtContext);
  if (!lastUsedAt) return <span className="text-slate-600">Never</span>;
  const exact = exactTime(lastUsedAt);
  const tooltipId = `last-used-${keyId}`;
  return (
    <span className="group relative inline-block">
      <time
        dateTime={lastUsedAt}
        title={exact}
        tabIndex={0}
        aria-describedby={tooltipId}
        className="rounded text-slate-700 underline decoration-dotted underline-offset-2 focus:outline-2 focus:outline-brand-600"
      >
        {relativeTime(lastUsedAt, new Date(readAt))}
      </time>
      <span
        id={tooltipId}
        role="tooltip"
        className="invisible absolute top-full left-0 z-10 mt-1 rounded bg-slate-900 px-2 py-1 text-xs whitespace-nowrap text-white group-focus-within:visible group-hover:visible"
      >
        {exact}
      </span>
    </span>
  );
}
