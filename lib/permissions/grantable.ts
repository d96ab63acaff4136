import { offeredLevels, type AccessLevel, type Category } from "./catalog";
import { scopesForLevel } from "./levels";
import { isSubset } from "./rules";

const fromHighest: readonly AccessLevel[] = ["full", "read", "none"];

/** Whether a person holding `heldScopes` may give this level of the category to a key or teammate. */
export function canGrantLevel(category: Category, level: AccessLevel, heldScopes: readonly string[]): boolean {
  return offeredLevels(category).includes(level) && isSubset(scopesForLevel(category, level), heldScopes);
}

/**
 * The editor's "set all" shortcut for one category: the requested level where the category offers
 * it and the person may grant it, else the highest lower level that is (at worst No Access). So
 * "Read" never turns into Full on a full-or-nothing category, and "Full" stops at what is held.
 */
export function highestGrantableLevel(category: Category, requested: AccessLevel, heldScopes: readonly string[]): AccessLevel {
  const candidates = fromHighest.slice(fromHighest.indexOf(requested));
  return candidates.find((level) => level === "none" || canGrantLevel(category, level, heldScopes)) ?? "none";
}
