import { countText } from "@/lib/usage/series";
import { SPARKLINE_HEIGHT, SPARKLINE_HOURS, SPARKLINE_WIDTH, type SparklineBarsDTO } from "@/lib/usage/sparkline";

/** "42 requests in the last 24 hours" (and messages, when there were any): the sparkline's name. */
export function sparklineLabel({ requests, messages }: { requests: number; messages: number }): string {
  const sent = messages > 0 ? ` and ${countText(messages, "message", "messages")}` : "";
  return `${countText(requests, "request", "requests")}${sent} in the last ${SPARKLINE_HOURS} hours`;
}

const NO_USE_LABEL = sparklineLabel({ requests: 0, messages: 0 });

/**
 * A key's last 24 hours as tiny bars (requests and messages together), oldest on the left. Plain
 * SVG with no script of its own; the bars come drawn from the server (lib/usage/sparkline.ts), and
 * a key without use has none. An image named by its totals; the day-by-day detail is on the key's
 * own page.
 */
export function Sparkline({ usage }: { usage: SparklineBarsDTO | undefined }) {
  const label = usage ? sparklineLabel(usage) : NO_USE_LABEL;
  return (
    <svg
      role="img"
      aria-label={label}
      width={SPARKLINE_WIDTH}
      height={SPARKLINE_HEIGHT}
      viewBox={`0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}`}
      className="mt-1 block text-brand-600"
    >
      <title>{label}</title>
      <path d={`M0 ${SPARKLINE_HEIGHT - 0.5}H${SPARKLINE_WIDTH}`} stroke="#94a3b8" strokeWidth={1} />
      {usage?.bars ? <path d={usage.bars} fill="currentColor" /> : null}
    </svg>
  );
}
