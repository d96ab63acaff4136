// The shapes a leaked key could take in a file, a log or a page: the full key, its secret part,
// and each of them as hex and base64 (of the text and of the secret's raw bytes). A scan looks
// for every one, as text and as raw bytes.
export function secretForms(key: string): Map<string, Buffer> {
  const secret = key.split(".")[2] ?? "";
  const raw = Buffer.from(secret, "base64url");
  const forms = new Map<string, Buffer>([
    ["key", Buffer.from(key)],
    ["secret", Buffer.from(secret)],
    ["secret bytes", raw],
    ["secret bytes as hex", Buffer.from(raw.toString("hex"))],
    ["secret bytes as HEX", Buffer.from(raw.toString("hex").toUpperCase())],
    ["secret bytes as base64", Buffer.from(raw.toString("base64").replace(/=+$/, ""))],
    ["key as hex", Buffer.from(Buffer.from(key).toString("hex"))],
    ["key as base64", Buffer.from(Buffer.from(key).toString("base64").replace(/=+$/, ""))],
    ["secret as hex", Buffer.from(Buffer.from(secret).toString("hex"))],
    ["secret as base64", Buffer.from(Buffer.from(secret).toString("base64").replace(/=+$/, ""))],
  ]);
  if (secret.length < 40) throw new Error("not a full key: nothing to scan for");
  return forms;
}

/** The names of the forms of `key` found in `haystack` (empty when it is clean). */
export function findSecret(haystack: Buffer | string, key: string): string[] {
  const bytes = typeof haystack === "string" ? Buffer.from(haystack) : haystack;
  return [...secretForms(key)].filter(([, form]) => bytes.includes(form)).map(([name]) => name);
}
