import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getViewer } from "@/lib/data/session";
import { signOutAction } from "../(auth)/sign-in/actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  const account = viewer.accounts.find((a) => a.id === viewer.currentAccountId);

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-6 py-3">
          <div className="flex items-center gap-3">
            <span className="font-semibold text-brand-600">Keyward</span>
            {account ? <span className="text-sm text-slate-600">{account.name}</span> : null}
          </div>
          <div className="flex items-center gap-4 text-sm">
            <span className="text-slate-700">{viewer.user.name}</span>
            <form action={signOutAction}>
              <button type="submit" className="text-slate-600 underline-offset-2 hover:underline">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-6xl gap-8 px-6 py-8">
        <nav aria-label="Settings" className="w-44 shrink-0 text-sm">
          <p className="mb-2 font-semibold text-slate-500 uppercase">Settings</p>
          <Link href="/settings/api_keys" className="block rounded px-2 py-1 text-slate-800 hover:bg-slate-100">
            API Keys
          </Link>
        </nav>
        <main className="min-w-0 flex-1">
          {account ? children : <p>You are not a member of any account yet.</p>}
        </main>
      </div>
    </div>
  );
}
