import { countText, type SparklineDTO } from "@/lib/usage/series";

const BAR = 2;
const GAP = 1;
const HEIGHT = 16;

/** "42 requests in the last 24 hours" (and messages, when there were any): the sparkline's name. */
export function sparklineLabel({ requests, messages, hourly }: SparklineDTO): string {
  const sent = messages > 0 ? ` and ${countText(messages, "message", "messages")}` : "";
  return `${countText(requests, "request", "requests")}${sent} in the last ${hourly.length} hours`;
}

/**
 * A key's last 24 hours as tiny bars (requests and messages together), oldest on the left. Plain
 * SVG with no script of its own: it costs the page about 0.5 KB of JavaScript. An image named by
 * its totals; the day-by-day detail is on the key's own page.
 */
export function Sparkline({ usage }: { usage: SparklineDTO }) {
  const label = sparklineLabel(usage);
  const max = Math.max(1, ...usage.hourly);
  const width = usage.hourly.length * (BAR + GAP) - GAP;
  return (
    <svg role="img" aria-label={label} width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} className="mt-1 block text-brand-600">
      <title>{label}</title>
      <line x1={0} x2={width} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} stroke="#94a3b8" strokeWidth={1} />
      {usage.hourly.map((value, index) => {
        if (value === 0) return null;
        // At least 2 px, so a single request still shows.
        const height = Math.max(2, Math.round((value / max) * HEIGHT));
        return <rect key={index} x={index * (BAR + GAP)} y={HEIGHT - height} width={BAR} height={height} fill="currentColor" />;
      })}
    </svg>
  );
}
