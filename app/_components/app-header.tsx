import Link from "next/link";
import { Brand } from "@/components/ui/brand";
import type { Viewer } from "@/lib/data/session";
import { signOutAction } from "../(auth)/sign-in/actions";
import { AccountSwitcher } from "./account-switcher";

// The header of every signed-in page: the current account (a switcher when there are several),
// a way to /support for support staff, the user's name (a link to their profile), and sign-out.
export function AppHeader({ viewer }: { viewer: Viewer }) {
  const current = viewer.accounts.find((a) => a.id === viewer.currentAccountId);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <div className="flex min-w-0 items-center gap-3">
          <Brand className="shrink-0" />
          {current && viewer.accounts.length > 1 ? (
            <AccountSwitcher current={current} accounts={viewer.accounts.map(({ id, name }) => ({ id, name }))} />
          ) : current ? (
            <span className="truncate text-sm text-slate-600">{current.name}</span>
          ) : null}
        </div>
        <div className="flex shrink-0 items-center gap-3 text-sm sm:gap-4">
          {viewer.user.isSupportStaff ? (
            <Link href="/support" className="text-slate-700 underline-offset-2 hover:underline">
              Support
            </Link>
          ) : null}
          {/* The profile link: the person's name, which on phones gives way to a short word so the
              controls beside it keep one line. */}
          <Link href="/profile" className="max-w-48 truncate text-slate-700 underline-offset-2 hover:underline">
            <span className="sm:hidden">Profile</span>
            <span className="hidden sm:inline">{viewer.user.name}</span>
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="whitespace-nowrap text-slate-600 underline-offset-2 hover:underline">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
