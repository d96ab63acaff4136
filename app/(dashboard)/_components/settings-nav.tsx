import Link from "next/link";
import type { AccountAccessDTO } from "@/lib/data/account-access";

// The settings pages, declared as data; each is listed only to those who may open it (the pages
// and their actions check again).
const items: { href: string; label: string; visible: (pages: AccountAccessDTO["pages"]) => boolean }[] = [
  { href: "/settings/api_keys", label: "API Keys", visible: (pages) => pages.apiKeys },
  { href: "/settings/teammates", label: "Teammates", visible: (pages) => pages.teammates },
  { href: "/settings/audit_log", label: "Audit Log", visible: (pages) => pages.auditLog },
  { href: "/settings/billing", label: "Billing", visible: (pages) => pages.billing },
  { href: "/settings/email_activity", label: "Email Activity", visible: (pages) => pages.emailActivity },
];

export function SettingsNav({ pages }: { pages: AccountAccessDTO["pages"] | null }) {
  return (
    <nav aria-label="Settings" className="w-44 shrink-0 text-sm">
      <p className="mb-2 font-semibold text-slate-500 uppercase">Settings</p>
      {pages
        ? items
            .filter((item) => item.visible(pages))
            .map((item) => (
              <Link key={item.href} href={item.href} className="block rounded px-2 py-1 text-slate-800 hover:bg-slate-100">
                {item.label}
              </Link>
            ))
        : null}
    </nav>
  );
}
