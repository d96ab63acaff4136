import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import type { DataContext, MemberStanding } from "./context";
import { fail, messages, ok, type DataResult } from "./result";
import type { ProfileContext } from "./profile";
import type { SupportContext } from "./support";
import { getDb } from "./db";

export const ACCOUNT_COOKIE = "keyward-account";

export interface Viewer {
  user: { id: string; name: string; email: string; isSupportStaff: boolean };
  accounts: { id: string; name: string; role: string }[];
  /** Null for a user who belongs to no account (support staff, a removed teammate). */
  currentAccountId: string | null;
  /** This session's id: what "sign out of all other sessions" keeps. */
  sessionId: string;
}

// The signed-in person and the account they work on, read from the database on every request:
// a user deleted since sign-in counts as signed out, and so does a session that was signed out of
// or issued before the user's session version last moved (lib/data/sessions.ts).
// Cached per request: the layout, the page and an action each ask, the database answers once.
export const getViewer = cache(async (): Promise<Viewer | null> => (await readSession())?.viewer ?? null);

// The viewer, and the stored standing of each of their memberships (role and scopes): a page's
// render hands the current one to lib/data with its context, so loading the actor needs no query.
// The standing stays on the server: Viewer goes to the header's client components.
const readSession = cache(async (): Promise<{ viewer: Viewer; standings: Map<string, MemberStanding> } | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  // A token without these was issued before sessions could be ended: it is refused too.
  if (!userId || !sessionId || session.sessionVersion === undefined) return null;
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      isSupportStaff: true,
      sessionVersion: true,
      endedSessions: { where: { id: sessionId }, select: { id: true } },
      memberships: {
        select: { role: true, scopes: true, account: { select: { id: true, name: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!user || user.sessionVersion !== session.sessionVersion || user.endedSessions.length > 0) return null;
  const accounts = user.memberships.map((m) => ({ id: m.account.id, name: m.account.name, role: m.role }));
  // The cookie only names a preference: an account the user is not (or no longer) a member of
  // is ignored, so the current account is always one of the user's memberships.
  const preferred = (await cookies()).get(ACCOUNT_COOKIE)?.value;
  const current = pickCurrentAccount(accounts, preferred);
  const standings = new Map(
    user.memberships.map((m) => [m.account.id, { accountId: m.account.id, role: m.role, scopes: m.scopes, name: user.name }]),
  );
  return {
    viewer: {
      user: { id: user.id, name: user.name, email: user.email, isSupportStaff: user.isSupportStaff },
      accounts,
      currentAccountId: current?.id ?? null,
      sessionId,
    },
    standings,
  };
});

/** The preferred account if the user is a member of it, else their first; null with none. */
export function pickCurrentAccount<T extends { id: string }>(accounts: readonly T[], preferred: string | undefined): T | null {
  return accounts.find((a) => a.id === preferred) ?? accounts[0] ?? null;
}

export async function getSessionContext(): Promise<DataContext | null> {
  const session = await readSession();
  const accountId = session?.viewer.currentAccountId;
  if (!session || !accountId) return null;
  const standing = session.standings.get(accountId);
  return { db: getDb(), principal: { kind: "user", userId: session.viewer.user.id, ...(standing ? { standing } : {}) }, accountId };
}

export const accountSwitchedMessage = "You switched accounts in another tab. Reload the page to continue.";

// For a dashboard server action. The account cookie is shared by every tab, so a tab still showing
// account A would act on account B after a switch in another tab: each action therefore names the
// account its page was rendered for (useRenderedAccountId), and is refused if that is no longer
// the current one. The id is untrusted input; it only ever narrows what the session allows.
export async function getActionContext(renderedAccountId: unknown): Promise<DataResult<DataContext>> {
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", messages.unauthenticated);
  // An account the caller is not a member of is simply not there for them (support staff included).
  if (!viewer.accounts.some((account) => account.id === renderedAccountId)) return fail("not_found", "Account not found");
  const accountId = viewer.currentAccountId;
  if (!accountId || renderedAccountId !== accountId) return fail("forbidden", accountSwitchedMessage);
  return ok({ db: getDb(), principal: { kind: "user", userId: viewer.user.id }, accountId });
}

/** For /support: the signed-in user, whatever their memberships; lib/data/support checks the flag. */
export async function getSupportContext(): Promise<SupportContext | null> {
  return getPersonContext();
}

/** The signed-in person outside any account (joining one by invitation, say), or null. */
export async function getPersonContext(): Promise<DataContext<"person"> | null> {
  const viewer = await getViewer();
  return viewer ? { db: getDb(), userId: viewer.user.id, sessionId: viewer.sessionId } : null;
}

/** For /profile: the signed-in user and this session, whatever their memberships. */
export async function getProfileContext(): Promise<ProfileContext | null> {
  const viewer = await getViewer();
  return viewer ? { db: getDb(), userId: viewer.user.id, sessionId: viewer.sessionId } : null;
}
