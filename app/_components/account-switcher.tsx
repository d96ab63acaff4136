"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Menu } from "@/components/ui/menu";
import { switchAccountAction } from "../actions";

interface AccountOption {
  id: string;
  name: string;
}

export function AccountSwitcher({ current, accounts }: { current: AccountOption; accounts: AccountOption[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (accountId: string) =>
    startTransition(async () => {
      const result = await switchAccountAction(accountId);
      if (result.ok) router.refresh();
    });
  return (
    <Menu
      label={`Switch account (current: ${current.name})`}
      align="start"
      trigger={
        <>
          <span className="max-w-28 truncate sm:max-w-60">{current.name}</span> <span aria-hidden="true">▾</span>
          {pending ? <span className="sr-only">Switching…</span> : null}
        </>
      }
      items={accounts.map((account) => ({
        id: account.id,
        label: account.id === current.id ? `${account.name} (current)` : account.name,
        onSelect: () => choose(account.id),
      }))}
      buttonClassName="inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
    />
  );
}
