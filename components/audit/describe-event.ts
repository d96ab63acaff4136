import { allGeneralScopes, type Category, type KeyType } from "@/lib/permissions/catalog";
import { levelOf, scopesForLevel } from "@/lib/permissions/levels";
import { roleLabels, teammateCategories, type TeammateRole } from "@/lib/permissions/roles";

// The audit log in words: what a person reads instead of "key.updated" and "215 scopes". Pure, so
// it is unit-tested; the stored event keeps the exact codes and scope lists.

const actionLabels: Record<string, string> = {
  "key.created": "Key created",
  "key.updated": "Key updated",
  "key.deleted": "Key deleted",
  "key.disabled": "Key disabled",
  "key.enabled": "Key enabled",
  "key.rolled": "Key rolled",
  "teammate.invited": "Teammate invited",
  "teammate.invite_revoked": "Invitation revoked",
  "teammate.joined": "Teammate joined",
  "teammate.updated": "Teammate updated",
  "teammate.removed": "Teammate removed",
  "support.viewed": "Viewed by support",
  "billing.updated": "Billing e-mail changed",
};

export function actionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

const MAX_LISTED = 4;

interface EventLike {
  action: string;
  details: Record<string, unknown> | null;
}

export function describeEvent(event: EventLike): string {
  const d = event.details ?? {};
  const parts: string[] = [];
  const name = d.name as { from?: string; to?: string } | undefined;
  if (name?.from !== undefined) parts.push(`Renamed from “${name.from}” to “${name.to}”`);
  const scopes = d.scopes as { added?: string[]; removed?: string[] } | string[] | undefined;
  if (Array.isArray(scopes)) parts.push(describeGrant(d.type === "billing" ? "billing" : "general", scopes));
  else if (scopes) parts.push(`Permissions changed: ${describeChange(scopes.added ?? [], scopes.removed ?? [])}`);
  const role = d.role as { from?: string; to?: string } | string | undefined;
  if (typeof role === "string") parts.push(`Role: ${roleName(role)}`);
  else if (role?.from) parts.push(`Role: ${roleName(role.from)} → ${roleName(role.to)}`);
  if (typeof d.email === "string") parts.unshift(d.email);
  const billing = d.billingEmail as { from?: string | null; to?: string | null } | undefined;
  if (billing) parts.push(`${billing.from ?? "none"} → ${billing.to ?? "none"}`);
  if (typeof d.replacementId === "string") parts.push(`Replaced by ${d.replacementId}; old key expires ${String(d.oldKeyExpiresAt)}`);
  if (typeof d.rolledFromId === "string") parts.push(`Replaces ${d.rolledFromId}`);
  if (typeof d.expiresAt === "string") parts.push(`Expires ${d.expiresAt}`);
  if (typeof d.section === "string") parts.push(`Looked at ${d.section === "api_keys" ? "the API keys" : d.section === "email_activity" ? "the email activity" : "the audit log"}`);
  return parts.join(" · ") || "—";
}

function roleName(role: string | undefined): string {
  return role && role in roleLabels ? roleLabels[role as TeammateRole] : (role ?? "none");
}

/** A key's or an invitation's whole grant: "Full Access", or its categories with their levels. */
export function describeGrant(type: KeyType, scopes: readonly string[]): string {
  if (type === "general" && allGeneralScopes.every((scope) => scopes.includes(scope))) return "Full Access";
  const held = new Set(scopes);
  const granted = teammateCategories
    .map((category) => ({ category, level: levelOf(category, held) }))
    .filter(({ level }) => level !== "none")
    .map(({ category, level }) => `${category.label} (${level})`);
  if (granted.length === 0) return "No permissions";
  return listed(granted);
}

/** "+Stats (read), −Mail Send, Alerts: read → full": each category a change touched. */
export function describeChange(added: readonly string[], removed: readonly string[]): string {
  const changes = teammateCategories.flatMap((category) => {
    const plus = category.scopes.filter((scope) => added.includes(scope));
    const minus = category.scopes.filter((scope) => removed.includes(scope));
    const change = categoryChange(category, plus, minus);
    return change ? [change] : [];
  });
  return changes.length ? listed(changes) : "none";
}

function categoryChange(category: Category, plus: string[], minus: string[]): string | null {
  if (plus.length === 0 && minus.length === 0) return null;
  const read = scopesForLevel(category, "read");
  const full = scopesForLevel(category, "full");
  const beyondRead = full.filter((scope) => !read.includes(scope));
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s) => b.includes(s));
  const label = category.label;
  if (minus.length === 0) {
    if (same(plus, full)) return `+${label} (${category.levels === "read" ? "read" : "full"})`;
    if (same(plus, read)) return `+${label} (read)`;
    if (beyondRead.length && same(plus, beyondRead)) return `${label}: read → full`;
    return `+${label} (some scopes)`;
  }
  if (plus.length === 0) {
    if (same(minus, full) || same(minus, read)) return `−${label}`;
    if (beyondRead.length && same(minus, beyondRead)) return `${label}: full → read`;
    return `−${label} (some scopes)`;
  }
  return `${label} (changed)`;
}

function listed(items: string[]): string {
  if (items.length <= MAX_LISTED) return items.join(", ");
  return `${items.slice(0, MAX_LISTED).join(", ")} and ${items.length - MAX_LISTED} more`;
}
