import type { PrismaClient } from "@/lib/db/create-client";

import type { ApiCaller } from "./api-auth";

// Who is calling: a signed-in person (from the session) or, for the /v3 API, an API key. A key
// authenticated on this request carries what its lookup read (id, account, type, scopes; expired
// and disabled keys were refused there), so lib/data does not read the key again to check it.
// A person's page render likewise carries their membership as this request's session lookup read
// it (session.ts), so the layout and the page do not read it twice more.
export type Principal = { kind: "user"; userId: string; standing?: MemberStanding } | { kind: "key"; keyId: string; authenticated?: ApiCaller };

/** A membership as stored, read on this request: never kept across requests. */
export interface MemberStanding {
  accountId: string;
  role: string;
  /** The stored JSON array. */
  scopes: string;
  /** The person's name, as the audit log names them. */
  name: string;
}

interface ContextFields {
  /** A member (from the session) or an API key (from /v3), acting in one account. */
  account: { principal: Principal; accountId: string };
  /** A signed-in person outside any account: their profile and sessions, a support review. */
  person: { userId: string; sessionId?: string };
  /** Nobody signed in: built only by public-entry.ts, for the actions the policy gives "anyone". */
  anonymous: { anonymous: true };
}

export type ContextKind = keyof ContextFields;

// The one context type lib/data receives: what the caller is and, for an account, which one.
// It is built only where a person or a key has been authenticated (session.ts, api-auth.ts) or,
// for the anonymous kind, in public-entry.ts. What the caller may do is always read again from
// the database (access.ts) against the policy (lib/permissions/policy.ts).
export type DataContext<K extends ContextKind = "account"> = { db: PrismaClient } & ContextFields[K];
