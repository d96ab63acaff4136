// "3 hours ago" for the table's Last used column: pure, with the clock passed in.

const units = [
  { ms: 365 * 86_400_000, name: "year" },
  { ms: 30 * 86_400_000, name: "month" },
  { ms: 86_400_000, name: "day" },
  { ms: 3_600_000, name: "hour" },
  { ms: 60_000, name: "minute" },
] as const;

/** "Never" for no time; "Just now" under a minute (and for a time a little ahead of this clock). */
export function relativeTime(iso: string | null, now: Date): string {
  if (iso === null) return "Never";
  const elapsed = now.getTime() - Date.parse(iso);
  for (const unit of units) {
    const count = Math.floor(elapsed / unit.ms);
    if (count >= 1) return `${count} ${unit.name}${count === 1 ? "" : "s"} ago`;
  }
  return "Just now";
}

/** The exact time, fixed to UTC so the server and the browser render the same text. */
export function exactTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
