import { countText, type SparklineDTO } from "@/lib/usage/series";

const BAR = 2;
const GAP = 1;
const HEIGHT = 16;

/** "42 requests in the last 24 hours" (and messages, when there were any): the sparkline's name. */
export function sparklineLabel({ requests, messages, hourly }: SparklineDTO): string {
  const sent = messages > 0 ? ` and ${countText(messages, "message", "messages")}` : "";
  return `${countText(requests, "request", "requests")}${sent} in the last ${hourly.length} hours`;
}

/** The bars as one SVG path (one element instead of up to 24); empty when there was no use. */
export function sparklinePath(hourly: readonly number[]): string {
  let max = 1;
  for (const value of hourly) if (value > max) max = value;
  let path = "";
  hourly.forEach((value, index) => {
    if (value <= 0) return;
    // At least 2 px, so a single request still shows.
    const height = Math.max(2, Math.round((value / max) * HEIGHT));
    path += `M${index * (BAR + GAP)} ${HEIGHT - height}h${BAR}v${height}h-${BAR}z`;
  });
  return path;
}

/**
 * A key's last 24 hours as tiny bars (requests and messages together), oldest on the left. Plain
 * SVG with no script of its own: it costs the page about 0.5 KB of JavaScript. An image named by
 * its totals; the day-by-day detail is on the key's own page.
 */
export function Sparkline({ usage }: { usage: SparklineDTO }) {
  const label = sparklineLabel(usage);
  const width = usage.hourly.length * (BAR + GAP) - GAP;
  const bars = sparklinePath(usage.hourly);
  return (
    <svg role="img" aria-label={label} width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} className="mt-1 block text-brand-600">
      <title>{label}</title>
      <path d={`M0 ${HEIGHT - 0.5}H${width}`} stroke="#94a3b8" strokeWidth={1} />
      {bars ? <path d={bars} fill="currentColor" /> : null}
    </svg>
  );
}
