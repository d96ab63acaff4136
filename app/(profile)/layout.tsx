import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getViewer } from "@/lib/data/session";
import { AppHeader } from "../_components/app-header";

// Everyone signed in has a profile, support staff and people without an account included.
// Navigation only: the page and its actions ask lib/data again.
export default async function ProfileLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?callbackUrl=/profile");
  return (
    <div className="min-h-screen">
      <AppHeader viewer={viewer} />
      <main className="mx-auto max-w-2xl px-6 py-8">{children}</main>
    </div>
  );
}
