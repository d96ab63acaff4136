import { type AccessLevel, type Category, type CategoryLevel, type KeyType, categoriesFor, offeredLevels, systemScopes } from "./catalog";

/**
 * The scopes a level grants, by the catalog's definition: Read = the category's ".read" scopes,
 * Full = all of them. It does not check that the editor offers the level (see offeredLevels).
 */
export function scopesForLevel(category: Category, level: AccessLevel): string[] {
  switch (level) {
    case "none":
      return [];
    case "read":
      return category.scopes.filter((scope) => scope.endsWith(".read"));
    case "full":
      return [...category.scopes];
  }
}

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((scope) => a.has(scope));
}

/**
 * The level the editor shows for a category. Only levels the category offers are reported, so a
 * state the radios cannot express (say, Mail Send with only "mail.batch.read") is "custom" and
 * is never silently shown, or saved back, as Full. Scopes of other categories are ignored.
 */
export function levelOf(category: Category, scopes: ReadonlySet<string> | readonly string[]): CategoryLevel {
  const held = scopes instanceof Set ? scopes : new Set(scopes as readonly string[]);
  const inCategory = new Set(category.scopes.filter((scope) => held.has(scope)));
  if (inCategory.size === 0) return "none";
  // Read before Full: in a read-only category both are the same set, and only Read is offered.
  for (const level of ["read", "full"] as const) {
    if (offeredLevels(category).includes(level) && sameSet(inCategory, scopesForLevel(category, level))) {
      return level;
    }
  }
  return "custom";
}

/** Editor state for a key: every category of the key's type, by category id. */
export function levelsFromScopes(type: KeyType, scopes: readonly string[]): Record<string, CategoryLevel> {
  const held = new Set(scopes);
  const levels: Record<string, CategoryLevel> = {};
  for (const category of categoriesFor(type)) levels[category.id] = levelOf(category, held);
  return levels;
}

const CATEGORY_LEVELS: readonly string[] = ["none", "read", "full", "custom"];

/**
 * Scopes to store from editor state. A category missing from `levels` gets none; "custom" keeps
 * exactly what the category had in `previousScopes`; system scopes in `previousScopes` survive,
 * since the platform set them and the editor never shows them. Unknown category ids are ignored.
 * Anything else from `previousScopes` (scopes outside this key type's catalog) is dropped.
 */
export function scopesFromLevels(
  type: KeyType,
  levels: Record<string, CategoryLevel>,
  previousScopes: readonly string[] = [],
): string[] {
  const previous = new Set(previousScopes);
  const result = new Set(systemScopes.filter((scope) => previous.has(scope)));
  for (const category of categoriesFor(type)) {
    // Own keys only: a level named "constructor" or "__proto__" in form data must not match.
    const level = Object.hasOwn(levels, category.id) ? levels[category.id] : "none";
    if (level === undefined || !CATEGORY_LEVELS.includes(level)) {
      // A caller skipped validation; guessing a level could grant or drop permissions silently.
      throw new TypeError(`Invalid level for category "${category.id}": ${String(level)}`);
    }
    const granted =
      level === "custom" ? category.scopes.filter((scope) => previous.has(scope)) : scopesForLevel(category, level);
    for (const scope of granted) result.add(scope);
  }
  // Plain code-unit sort: stable across locales, so stored scope lists compare byte for byte.
  return [...result].sort();
}
