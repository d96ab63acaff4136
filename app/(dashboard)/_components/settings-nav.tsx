"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { LinkPending } from "@/components/ui/link-pending";
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

// A sidebar from the md breakpoint up; below it the same links collapse behind a "Menu" button
// (the disclosure pattern: links stay links, so no menu roles or arrow keys are implied).
export function SettingsNav({ pages }: { pages: AccountAccessDTO["pages"] | null }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const shown = pages ? items.filter((item) => item.visible(pages)) : [];
  const current = shown.find((item) => pathname.startsWith(item.href));

  // Following a link closes the phone menu, so the page it opened is what the person sees.
  const [lastPath, setLastPath] = useState(pathname);
  if (lastPath !== pathname) {
    setLastPath(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [open]);

  return (
    <nav aria-label="Settings" className="text-sm md:w-44 md:shrink-0">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 md:hidden"
      >
        <span>
          Menu{current ? <span className="font-normal text-slate-600"> · {current.label}</span> : null}
        </span>
        <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      <p className="mb-2 hidden font-semibold text-slate-600 uppercase md:block">Settings</p>
      <ul id={listId} className={`${open ? "mt-2 block rounded-md border border-slate-200 bg-white p-1" : "hidden"} md:mt-0 md:block md:border-0 md:bg-transparent md:p-0`}>
        {shown.map((item) => {
          const active = item === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded border-l-4 px-2 py-1.5 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 ${
                  active ? "border-brand-600 bg-brand-50 font-semibold text-brand-700" : "border-transparent text-slate-800 hover:bg-slate-100"
                }`}
              >
                {item.label}
                <LinkPending />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
