import { redirect } from "next/navigation";
import { getAccountAccess } from "@/lib/data/account-access";
import { getSessionContext, getViewer } from "@/lib/data/session";

// Home is the first settings page the caller may open.
export default async function Home() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  const ctx = await getSessionContext();
  if (!ctx) redirect(viewer.user.isSupportStaff ? "/support" : "/settings/api_keys");
  const access = await getAccountAccess(ctx);
  const pages = access.ok ? access.data.pages : null;
  if (pages && !pages.apiKeys && pages.teammates) redirect("/settings/teammates");
  if (pages && !pages.apiKeys && pages.auditLog) redirect("/settings/audit_log");
  redirect("/settings/api_keys");
}
