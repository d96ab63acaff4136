import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getViewer } from "@/lib/data/session";
import { AppHeader } from "../../_components/app-header";

// Navigation only: every support page asks lib/data, which reads the support flag again.
export default async function SupportLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?callbackUrl=/support");
  if (!viewer.user.isSupportStaff) notFound();
  return (
    <div className="min-h-screen">
      <AppHeader viewer={viewer} />
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
