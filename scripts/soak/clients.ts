// Concurrent clients, each in its own loop until the deadline, choosing an operation at random
// (weights below) and keeping the keys it created, so its edits and deletes aim at its own keys.
import { performance } from "node:perf_hooks";

export interface Tally {
  byOperation: Record<string, { count: number; latencies: number[]; statuses: Record<number, number> }>;
  serverErrors: number;
  networkErrors: number;
  created: number;
  deleted: number;
  secrets: string[];
}

interface Options {
  base: string;
  apiKey: string;
  cookie: string;
  clients: number;
  until: number;
}

const weights: [string, number][] = [
  ["page", 25],
  ["audit page", 5],
  ["v3 scopes", 25],
  ["v3 list", 10],
  ["v3 create", 15],
  ["v3 edit", 10],
  ["v3 delete", 10],
];
const totalWeight = weights.reduce((sum, [, weight]) => sum + weight, 0);

function pick(): string {
  let roll = Math.random() * totalWeight;
  for (const [operation, weight] of weights) if ((roll -= weight) < 0) return operation;
  return "page";
}

export async function runClients({ base, apiKey, cookie, clients, until }: Options): Promise<Tally> {
  const tally: Tally = { byOperation: {}, serverErrors: 0, networkErrors: 0, created: 0, deleted: 0, secrets: [] };
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  async function client(index: number) {
    const mine: string[] = [];
    let sequence = 0;
    while (Date.now() < until) {
      const operation = pick();
      const started = performance.now();
      let response: Response;
      try {
        // Not following redirects: a lost session would show as a redirect to /sign-in, not a 200.
        if (operation === "page") response = await fetch(`${base}/settings/api_keys`, { headers: { cookie }, redirect: "manual" });
        else if (operation === "audit page") response = await fetch(`${base}/settings/audit_log`, { headers: { cookie }, redirect: "manual" });
        else if (operation === "v3 scopes") response = await api("GET", "/v3/scopes");
        else if (operation === "v3 list") response = await api("GET", "/v3/api_keys?limit=20");
        else if (operation === "v3 create") response = await api("POST", "/v3/api_keys", { name: `soak ${index}-${sequence++}`, scopes: ["mail.send"] });
        else if (mine.length === 0) continue;
        else if (operation === "v3 edit") response = await api("PATCH", `/v3/api_keys/${mine[Math.floor(Math.random() * mine.length)]}`, { name: `soak ${index}-${sequence++} renamed` });
        else response = await api("DELETE", `/v3/api_keys/${mine.pop()}`);
        const text = await response.text();
        if (operation === "v3 create" && response.status === 201) {
          const created = JSON.parse(text) as { api_key: string; api_key_id: string };
          mine.push(created.api_key_id);
          tally.secrets.push(created.api_key);
          tally.created++;
        }
        if (operation === "v3 delete" && response.status === 204) tally.deleted++;
      } catch {
        tally.networkErrors++;
        continue;
      }
      const figures = (tally.byOperation[operation] ??= { count: 0, latencies: [], statuses: {} });
      figures.count++;
      figures.latencies.push(performance.now() - started);
      figures.statuses[response.status] = (figures.statuses[response.status] ?? 0) + 1;
      if (response.status >= 500) tally.serverErrors++;
    }
  }

  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  return tally;
}
