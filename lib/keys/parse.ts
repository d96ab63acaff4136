// Strict on purpose: a key is rejected before any database lookup unless it has exactly the shape
// generateApiKey produces. Canonical base64 padding bits are not checked: the id is looked up as a
// string and the secret is compared by hash, so a non-canonical variant can only fail to match.
const KEY_PATTERN = /^SG\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function parseApiKey(key: string): { id: string; secret: string } | null {
  // Callers pass raw header values; anything that is not a string is simply not a key.
  if (typeof key !== "string") return null;
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const [, id, secret] = match;
  if (id === undefined || secret === undefined) return null;
  return { id, secret };
}

/** True for a well-formed key id, so malformed ids in URLs can answer "not found" without a query. */
export function isApiKeyId(value: string): boolean {
  return typeof value === "string" && ID_PATTERN.test(value);
}

/** What to tell someone who presented a key id where the key belongs. */
export const USE_THE_FULL_KEY = "use the full API key, which starts with SG.";
