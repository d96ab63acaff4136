import { DEMO_PASSWORD } from "../../prisma/seed.ts";

// Who the journeys sign in as. The owner comes from the demo seed; the limit owner is added by
// prepare-database.ts with an account already holding the maximum number of keys, the empty owner
// with an account that holds none.
export const owner = { email: "owner@acme.test", password: DEMO_PASSWORD };
export const limitOwner = { email: "limit-owner@e2e.test", password: DEMO_PASSWORD, accountName: "Full House Ltd" };
export const emptyOwner = { email: "empty-owner@e2e.test", password: DEMO_PASSWORD, accountName: "Blank Slate Co" };

// Owners of an account each, only for the journeys that change their password or end their
// sessions (prepare-database.ts): the shared demo owner must keep its password and session.
export const sessionOwners = {
  passwordChanger: { email: "password-changer@e2e.test", password: DEMO_PASSWORD, name: "Pat Changer" },
  everywhere: { email: "sign-out-everywhere@e2e.test", password: DEMO_PASSWORD, name: "Eve Everywhere" },
  signOut: { email: "sign-out@e2e.test", password: DEMO_PASSWORD, name: "Sid Signout" },
  signOutViaApi: { email: "sign-out-api@e2e.test", password: DEMO_PASSWORD, name: "Api Signout" },
  profile: { email: "profile@e2e.test", password: DEMO_PASSWORD, name: "Pro File" },
  locked: { email: "locked-out@e2e.test", password: DEMO_PASSWORD, name: "Lock Tested" },
  lockedViaApi: { email: "locked-out-api@e2e.test", password: DEMO_PASSWORD, name: "Lock Api" },
} as const;

// An admin (scopes stored on the membership) of an account of their own, whose rows the
// error-page journey corrupts and repairs: no other journey signs in as them.
export const faultAdmin = { email: "fault-admin@e2e.test", password: DEMO_PASSWORD, accountName: "Fault Line Ltd", keyName: "Fault key" };

/** Where the setup project leaves the owner's signed-in session for the specs to reuse. */
export const ownerStorageState = "e2e/.auth/owner.json";
