import { countText, totals, type UsagePoint } from "@/lib/usage/series";

// Both pass 3:1 against white as graphics (WCAG 1.4.11); the legend names them in words too.
const series = [
  { field: "requests", label: "Requests", color: "#1a73e8" },
  { field: "messages", label: "Messages", color: "#b45309" },
] as const;

const WIDTH = 560;
const HEIGHT = 180;
const AXIS = 24; // room for the day labels below the bars
const GROUP = WIDTH / 7;
const BAR = 22;

// UTC and a fixed locale: the same text whoever renders it, matching the table's.
function dayLabel(start: string): string {
  return new Date(start).toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
}

/**
 * The key's last 7 days as a server-rendered SVG bar chart (no script, no charting library), with
 * the same numbers in a real table behind "Show as table". The image's name gives the totals; the
 * table gives every day.
 */
export function KeyUsage({ days }: { days: UsagePoint[] }) {
  const sum = totals(days);
  const summary = `${countText(sum.requests, "request", "requests")} and ${countText(sum.messages, "message", "messages")} in the last 7 days`;
  const max = Math.max(1, ...days.flatMap((day) => [day.requests, day.messages]));
  const plot = HEIGHT - AXIS;
  return (
    <section aria-labelledby="key-usage-title">
      <h2 id="key-usage-title" className="text-lg font-semibold">
        Usage
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {summary} (UTC days; counted per hour, kept 30 days).
      </p>
      <ul className="mt-2 flex gap-4 text-sm text-slate-700" aria-label="Legend">
        {series.map((item) => (
          <li key={item.field} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ backgroundColor: item.color }} />
            {item.label}
          </li>
        ))}
      </ul>
      <svg
        role="img"
        aria-label={`Bar chart of requests and messages per day: ${summary}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="mt-2 h-auto w-full max-w-xl"
      >
        <text x={0} y={10} fontSize={11} fill="#475569">
          {max.toLocaleString("en-US")}
        </text>
        <line x1={0} x2={WIDTH} y1={14.5} y2={14.5} stroke="#e2e8f0" />
        <line x1={0} x2={WIDTH} y1={plot + 0.5} y2={plot + 0.5} stroke="#94a3b8" />
        {days.map((day, index) => {
          const x = index * GROUP + (GROUP - 2 * BAR - 4) / 2;
          return (
            <g key={day.start}>
              {series.map((item, offset) => {
                const value = day[item.field];
                if (value === 0) return null;
                const height = Math.max(2, Math.round((value / max) * (plot - 15)));
                return <rect key={item.field} x={x + offset * (BAR + 4)} y={plot - height} width={BAR} height={height} fill={item.color} />;
              })}
              <text x={index * GROUP + GROUP / 2} y={HEIGHT - 6} fontSize={11} textAnchor="middle" fill="#475569">
                {dayLabel(day.start)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="mt-2 max-w-xl text-sm">
        <summary className="cursor-pointer text-brand-700 underline underline-offset-2">Show as table</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">Requests and messages per day, last 7 days (UTC)</caption>
          <thead className="text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">Day</th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">Requests</th>
              <th scope="col" className="py-1 text-right font-medium">Messages</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {days.map((day) => (
              <tr key={day.start}>
                <th scope="row" className="py-1 pr-4 font-normal">
                  <time dateTime={day.start.slice(0, 10)}>{dayLabel(day.start)}</time>
                </th>
                <td className="py-1 pr-4 text-right tabular-nums">{day.requests.toLocaleString("en-US")}</td>
                <td className="py-1 text-right tabular-nums">{day.messages.toLocaleString("en-US")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
