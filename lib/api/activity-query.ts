// SendGrid's Email Activity query syntax, the part Keyward answers: clauses joined by AND, each
// `field="value"` (or `field=value`) on to_email, from_email, subject, status or msg_id.
export interface ActivityFilter {
  to?: string;
  from?: string;
  subject?: string;
  /** SendGrid's statuses: processed, delivered, not_delivered */
  status?: "processed" | "delivered" | "not_delivered";
  msgId?: string;
}

const FIELDS = { to_email: "to", from_email: "from", subject: "subject", status: "status", msg_id: "msgId" } as const;
const CLAUSE = /^\s*([a-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+))\s*$/;
const STATUSES = ["processed", "delivered", "not_delivered"] as const;

export function parseActivityQuery(query: string | null): { ok: true; filter: ActivityFilter } | { ok: false; message: string } {
  const filter: ActivityFilter = {};
  if (query === null || query.trim() === "") return { ok: true, filter };
  if (query.length > 2000) return { ok: false, message: "invalid syntax: the query is too long" };
  for (const clause of query.split(/\s+AND\s+/)) {
    const match = CLAUSE.exec(clause);
    if (!match) return { ok: false, message: `invalid syntax: '${clause.trim().slice(0, 100)}' is not a supported clause` };
    const [, name, doubleQuoted, singleQuoted, bare] = match;
    const value = (doubleQuoted ?? singleQuoted ?? bare ?? "").replace(/\\(.)/g, "$1");
    if (!(name! in FIELDS)) return { ok: false, message: `invalid syntax: '${name}' is not a known field` };
    const key = FIELDS[name as keyof typeof FIELDS];
    if (key === "status") {
      if (!STATUSES.includes(value as (typeof STATUSES)[number])) return { ok: false, message: `invalid syntax: '${value.slice(0, 100)}' is not a known status` };
      filter.status = value as ActivityFilter["status"];
    } else filter[key] = value;
  }
  return { ok: true, filter };
}
