"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { INVITE_VALID_DAYS } from "@/lib/validation/teammate";

// Shows the invitation link once: only its hash is stored, so it cannot be shown again. There is
// no outgoing mail; the inviter passes the link on. Closed only through Done.
export function InviteLinkDialog({ token, email, onDone }: { token: string; email: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const link = `${window.location.origin}/invite/${token}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <Dialog open title="Invitation Created" role="alertdialog">
      <p className="text-sm text-slate-700">
        Send this link to <strong>{email}</strong>. It works once and expires in {INVITE_VALID_DAYS} days.{" "}
        <strong>For security reasons, it will not be shown again.</strong>
      </p>
      <div className="mt-4 flex gap-2">
        <input
          readOnly
          aria-label="Invitation link"
          value={link}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copy}>
          Copy
        </Button>
      </div>
      <p aria-live="polite" className="mt-2 h-5 text-sm text-slate-600">
        {copied === "yes" ? "Copied to clipboard" : copied === "failed" ? "Copy failed: select the link and copy it" : ""}
      </p>
      <div className="mt-4 flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </Dialog>
  );
}
