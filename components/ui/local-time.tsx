"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// Times are stored and sent in UTC. The server cannot know the viewer's time zone, so it renders
// UTC, and the browser replaces it with local time once hydrated (no hydration mismatch).
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = dateOnly
    ? { dateStyle: "medium" }
    : { dateStyle: "medium", timeStyle: "medium" };
  const text = hydrated
    ? date.toLocaleString(undefined, options)
    : `${date.toLocaleString("en-US", { ...options, timeZone: "UTC" })} UTC`;
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}
