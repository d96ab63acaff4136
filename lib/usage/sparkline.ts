// The API Keys list's 24-hour sparkline, drawn on the server: the page's payload carries each key's
// bars as one short SVG path (nothing at all for a key without use) instead of 24 numbers, and the
// browser's JavaScript draws nothing (issue 9: what crosses to the client).
import type { SparklineDTO } from "./series";

export const SPARKLINE_HOURS = 24;
export const SPARKLINE_HEIGHT = 16;
const BAR = 2;
const GAP = 1;
export const SPARKLINE_WIDTH = SPARKLINE_HOURS * (BAR + GAP) - GAP;

/** What the list's sparkline needs: the totals (its accessible name) and its bars. */
export interface SparklineBarsDTO {
  requests: number;
  messages: number;
  /** sparklinePath of the hours, oldest first. */
  bars: string;
}

/** The bars as one SVG path (one element instead of up to 24); empty when there was no use. */
export function sparklinePath(hourly: readonly number[]): string {
  let max = 1;
  for (const value of hourly) if (value > max) max = value;
  let path = "";
  hourly.forEach((value, index) => {
    if (value <= 0) return;
    // At least 2 px, so a single request still shows.
    const height = Math.max(2, Math.round((value / max) * SPARKLINE_HEIGHT));
    path += `M${index * (BAR + GAP)} ${SPARKLINE_HEIGHT - height}h${BAR}v${height}h-${BAR}z`;
  });
  return path;
}

/** The list's sparkline for a key's last 24 hours; undefined when there was no use (the page draws the empty line). */
export function sparklineBars({ requests, messages, hourly }: SparklineDTO): SparklineBarsDTO | undefined {
  if (requests === 0 && messages === 0) return undefined;
  return { requests, messages, bars: sparklinePath(hourly) };
}
