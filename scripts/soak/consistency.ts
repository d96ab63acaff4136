// After the soak: every account's counter equals its keys, every key has its creation event,
// every event names a key that exists or was deleted, and nothing points at a missing row.
import Database from "better-sqlite3";

export interface Consistency {
  keys: number;
  events: Record<string, number>;
  problems: string[];
}

export function checkConsistency(file: string, accountId: string): Consistency {
  const db = new Database(file, { readonly: true });
  try {
    const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
    const problems: string[] = [];
    for (const row of all<{ id: string; keyCount: number; actual: number }>(
      `SELECT a.id, a.keyCount, (SELECT count(*) FROM "ApiKey" k WHERE k.accountId = a.id) AS actual FROM "Account" a`,
    )) {
      if (row.keyCount !== row.actual) problems.push(`account ${row.id}: keyCount ${row.keyCount}, keys ${row.actual}`);
    }
    const orphanKeys = all<{ id: string }>(`SELECT id FROM "ApiKey" WHERE accountId NOT IN (SELECT id FROM "Account")`);
    if (orphanKeys.length) problems.push(`${orphanKeys.length} keys without an account`);
    const withoutCreation = all<{ id: string }>(
      `SELECT id FROM "ApiKey" WHERE accountId = ? AND name <> 'soak caller'
         AND id NOT IN (SELECT targetKeyId FROM "AuditEvent" WHERE action = 'key.created' AND targetKeyId IS NOT NULL)`,
      accountId,
    );
    if (withoutCreation.length) problems.push(`${withoutCreation.length} keys without a key.created event`);
    const deletedStillThere = all<{ id: string }>(
      `SELECT targetKeyId AS id FROM "AuditEvent" WHERE action = 'key.deleted' AND targetKeyId IN (SELECT id FROM "ApiKey")`,
    );
    if (deletedStillThere.length) problems.push(`${deletedStillThere.length} key.deleted events for keys that still exist`);
    const vanished = all<{ id: string }>(
      `SELECT targetKeyId AS id FROM "AuditEvent" c WHERE c.accountId = ? AND c.action = 'key.created'
         AND c.targetKeyId NOT IN (SELECT id FROM "ApiKey")
         AND NOT EXISTS (SELECT 1 FROM "AuditEvent" d WHERE d.action = 'key.deleted' AND d.targetKeyId = c.targetKeyId)`,
      accountId,
    );
    if (vanished.length) problems.push(`${vanished.length} keys gone without a key.deleted event`);
    const events = Object.fromEntries(
      all<{ action: string; n: number }>(`SELECT action, count(*) AS n FROM "AuditEvent" WHERE accountId = ? GROUP BY action`, accountId).map((row) => [row.action, row.n]),
    );
    const keys = (db.prepare(`SELECT count(*) AS n FROM "ApiKey" WHERE accountId = ?`).get(accountId) as { n: number }).n;
    return { keys, events, problems };
  } finally {
    db.close();
  }
}
