import { allGeneralScopes, categoriesFor, type KeyType } from "./catalog";
import { levelOf } from "./levels";

const levelWords = { read: "Read", full: "Full", custom: "Custom" } as const;

/**
 * One line on what a key may do, for the table: "Full Access" for a general key holding every
 * general scope; "Restricted · 5 categories" otherwise; a billing key names its level, e.g.
 * "Billing · Read". System scopes are the platform's and never counted.
 */
export function permissionSummary(type: KeyType, scopes: readonly string[]): string {
  const held = new Set(scopes);
  if (type === "general" && allGeneralScopes.every((scope) => held.has(scope))) return "Full Access";
  const granted = categoriesFor(type)
    .map((category) => ({ category, level: levelOf(category, held) }))
    .filter(({ level }) => level !== "none");
  if (type === "billing") {
    if (granted.length === 1) {
      const [{ category, level }] = granted as [(typeof granted)[number]];
      return `${category.label} · ${levelWords[level as keyof typeof levelWords]}`;
    }
    return granted.length === 0 ? "No Access" : `Billing · ${granted.length} categories`;
  }
  if (granted.length === 0) return "No Access";
  return `Restricted · ${granted.length} ${granted.length === 1 ? "category" : "categories"}`;
}
