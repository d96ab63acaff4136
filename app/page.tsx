import { redirect } from "next/navigation";
import { getAccountAccess } from "@/lib/data/account-access";
import { publicEntry } from "@/lib/data/public-entry";
import { getSessionContext, getViewer } from "@/lib/data/session";

// Home is the first settings page the caller may open.
export default async function Home() {
  const viewer = await getViewer();
  // A new server's first visitor is sent to create the first owner.
  if (!viewer) redirect((await publicEntry.isSetupOpen()) ? "/setup" : "/sign-in");
  const ctx = await getSessionContext();
  if (!ctx) redirect(viewer.user.isSupportStaff ? "/support" : "/settings/api_keys");
  const access = await getAccountAccess(ctx);
  const pages = access.ok ? access.data.pages : null;
  if (pages && !pages.apiKeys && pages.teammates) redirect("/settings/teammates");
  if (pages && !pages.apiKeys && pages.auditLog) redirect("/settings/audit_log");
  redirect("/settings/api_keys");
}
