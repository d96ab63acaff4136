import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { RenderedAccountProvider } from "@/components/account/current-account";
import { getAccountAccess } from "@/lib/data/account-access";
import { getSessionContext, getViewer } from "@/lib/data/session";
import { AppHeader } from "../_components/app-header";
import { SettingsNav } from "./_components/settings-nav";

// Only the navigation is decided here: a layout's check does not extend to the pages and server
// actions beneath it, so each of them asks lib/data again.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  // Support staff review accounts through /support, never through an account's settings.
  if (!viewer.currentAccountId && viewer.user.isSupportStaff) redirect("/support");
  const ctx = await getSessionContext();
  const access = ctx ? await getAccountAccess(ctx) : null;

  return (
    <div className="min-h-screen">
      <AppHeader viewer={viewer} />
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-4 sm:px-6 md:flex-row md:gap-8 md:py-8">
        <SettingsNav pages={access?.ok ? access.data.pages : null} />
        <main className="min-w-0 flex-1">
          {ctx && access?.ok ? (
            <RenderedAccountProvider accountId={ctx.accountId}>{children}</RenderedAccountProvider>
          ) : (
            <p>You are not a member of any account yet.</p>
          )}
        </main>
      </div>
    </div>
  );
}
