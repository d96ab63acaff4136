import type { PrismaClient } from "@/lib/db/create-client";

// Who is calling: a signed-in person (from the session) or, for the /v3 API, an API key.
export type Principal = { kind: "user"; userId: string } | { kind: "key"; keyId: string };

// What every data function receives. It names the caller and the account they act on; what
// the caller may do there is always read again from the database (see access.ts).
export interface DataContext {
  db: PrismaClient;
  principal: Principal;
  accountId: string;
}
