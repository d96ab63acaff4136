"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useState, useTransition, type MouseEvent, type ReactNode } from "react";
import { PendingMark } from "@/components/ui/link-pending";

// The key names' links: plain anchors that navigate through the router, with one click handler and
// one pending state for the whole table. A next/link per row cost each of 100 rows its own hooks,
// context provider and prefetch bookkeeping (unused: the list prefetches no key page) on every
// render of the page (issue 9). The behaviour is Link's: a plain click stays in the app, a click
// with a modifier (new tab, new window, download) is the browser's, and the spinner shows from the
// click until the key's page arrives.
const KeyLinks = createContext<{ pendingHref: string | null; follow: (event: MouseEvent<HTMLAnchorElement>) => void }>({
  pendingHref: null,
  follow: () => {},
});

export function KeyLinksProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [target, setTarget] = useState<string | null>(null);
  const follow = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const href = event.currentTarget.getAttribute("href");
      if (!href) return;
      event.preventDefault();
      setTarget(href);
      startTransition(() => router.push(href));
    },
    [router],
  );
  const value = useMemo(() => ({ pendingHref: pending ? target : null, follow }), [pending, target, follow]);
  return <KeyLinks value={value}>{children}</KeyLinks>;
}

export function KeyNameLink({ keyId, name }: { keyId: string; name: string }) {
  const { pendingHref, follow } = useContext(KeyLinks);
  const href = `/settings/api_keys/${keyId}`;
  return (
    // Long names wrap anywhere: the whole name stays readable and the row keeps its width.
    <a href={href} onClick={follow} className="font-medium break-words text-slate-900 underline-offset-2 [overflow-wrap:anywhere] hover:underline">
      {name}
      <PendingMark pending={pendingHref === href} />
    </a>
  );
}
