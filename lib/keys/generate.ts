import { randomBytes } from "node:crypto";

// Sizes follow SendGrid's key format so existing secret scanners (gitleaks, trufflehog) match it:
// 16 bytes → 22 base64url chars, 32 bytes → 43 chars, "SG." + id + "." + secret → 69 chars.
const ID_BYTES = 16;
const SECRET_BYTES = 32;

export interface GeneratedApiKey {
  /** Public key id: safe to store, list and log. */
  id: string;
  /** Only its hash is stored; the secret itself never leaves the create response. */
  secret: string;
  /** The full key shown to the user exactly once. */
  key: string;
}

export function generateApiKey(): GeneratedApiKey {
  // base64url has no padding and no "+" or "/", so the key needs no escaping in headers or URLs.
  const id = randomBytes(ID_BYTES).toString("base64url");
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  return { id, secret, key: `SG.${id}.${secret}` };
}
