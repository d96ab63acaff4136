import { createHash, timingSafeEqual } from "node:crypto";

// Secrets are 256 random bits, so a fast hash is enough (OWASP ASVS 6.5.2): there is nothing to
// brute-force, and a slow hash would only make every authenticated request slower.
const SHA256_HEX = /^[0-9a-f]{64}$/i;

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/**
 * Compares in constant time so response timing does not reveal how much of a hash matched.
 * Returns false (never throws) for a malformed stored hash: a corrupt row must fail closed.
 */
export function verifySecret(secret: string, storedHashHex: string): boolean {
  if (typeof secret !== "string" || typeof storedHashHex !== "string") return false;
  if (!SHA256_HEX.test(storedHashHex)) return false;
  const expected = Buffer.from(storedHashHex, "hex");
  const actual = Buffer.from(hashSecret(secret), "hex");
  // Both are 32 bytes here, which timingSafeEqual requires (it throws on unequal lengths).
  return timingSafeEqual(actual, expected);
}
