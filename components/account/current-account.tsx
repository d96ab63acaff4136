"use client";

import { createContext, useContext, type ReactNode } from "react";

// The account the dashboard was rendered for. Every dashboard server action sends it back, so a
// tab left open on one account cannot act on another one chosen since in another tab (the
// account cookie is shared by all tabs); see getActionContext in lib/data/session.
const RenderedAccountContext = createContext<string | null>(null);

export function RenderedAccountProvider({ accountId, children }: { accountId: string; children: ReactNode }) {
  return <RenderedAccountContext.Provider value={accountId}>{children}</RenderedAccountContext.Provider>;
}

export function useRenderedAccountId(): string {
  const accountId = useContext(RenderedAccountContext);
  if (!accountId) throw new Error("useRenderedAccountId is used outside the dashboard's RenderedAccountProvider");
  return accountId;
}
