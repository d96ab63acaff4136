import Link from "next/link";
import type { Viewer } from "@/lib/data/session";
import { signOutAction } from "../(auth)/sign-in/actions";
import { AccountSwitcher } from "./account-switcher";

// The header of every signed-in page: the current account (a switcher when there are several),
// a way to /support for support staff, the user's name (a link to their profile), and sign-out.
export function AppHeader({ viewer }: { viewer: Viewer }) {
  const current = viewer.accounts.find((a) => a.id === viewer.currentAccountId);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-6 py-3">
        <div className="flex items-center gap-3">
          <Link href="/" className="font-semibold text-brand-600">
            Keyward
          </Link>
          {current && viewer.accounts.length > 1 ? (
            <AccountSwitcher current={current} accounts={viewer.accounts.map(({ id, name }) => ({ id, name }))} />
          ) : current ? (
            <span className="text-sm text-slate-600">{current.name}</span>
          ) : null}
        </div>
        <div className="flex items-center gap-4 text-sm">
          {viewer.user.isSupportStaff ? (
            <Link href="/support" className="text-slate-700 underline-offset-2 hover:underline">
              Support
            </Link>
          ) : null}
          <Link href="/profile" className="text-slate-700 underline-offset-2 hover:underline">
            {viewer.user.name}
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="text-slate-600 underline-offset-2 hover:underline">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
