import { categoriesFor, offeredLevels, type CategoryLevel, type KeyType } from "@/lib/permissions/catalog";

const levelLabels = { none: "No Access", read: "Read Access", full: "Full Access", custom: "Custom" } as const;
const LISTED = 6;

type Permission = { category: string; level: CategoryLevel };

/** True when a general key holds every category at the most it offers: the Full Access preset. */
export function isFullAccess(type: KeyType, permissions: readonly Permission[]): boolean {
  if (type !== "general") return false;
  return categoriesFor("general").every((category) => {
    const top = offeredLevels(category).at(-1);
    return permissions.some((p) => p.category === category.label && p.level === top);
  });
}

// A reviewer reads "Full Access" for the preset rather than 28 lines; a restricted key lists its
// categories, the first few at once and the rest behind a disclosure.
export function KeyPermissions({ type, permissions }: { type: KeyType; permissions: readonly Permission[] }) {
  if (isFullAccess(type, permissions)) return <p className="font-medium">Full Access</p>;
  if (permissions.length === 0) return <p className="text-slate-600">No permissions</p>;
  const line = (p: Permission) => (
    <li key={p.category}>
      {p.category}: {levelLabels[p.level]}
    </li>
  );
  return (
    <>
      <ul className="space-y-0.5">{permissions.slice(0, LISTED).map(line)}</ul>
      {permissions.length > LISTED ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-brand-700">{permissions.length - LISTED} more categories</summary>
          <ul className="mt-1 space-y-0.5">{permissions.slice(LISTED).map(line)}</ul>
        </details>
      ) : null}
    </>
  );
}
