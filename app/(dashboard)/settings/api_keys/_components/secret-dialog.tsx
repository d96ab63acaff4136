"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

// Shows the new key once. No onDismiss: neither Escape nor a click outside closes it, only Done.
export function SecretDialog({ apiKey, name, onDone }: { apiKey: string; name: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <Dialog open title="API Key Created" role="alertdialog">
      <p className="text-sm text-slate-700">
        Copy the key for <strong>{name}</strong> and keep it somewhere safe.{" "}
        <strong>For security reasons, it will not be shown again.</strong>
      </p>
      <div className="mt-4 flex gap-2">
        <input
          readOnly
          aria-label="API key"
          value={apiKey}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copy}>
          Copy
        </Button>
      </div>
      <p aria-live="polite" className="mt-2 h-5 text-sm text-slate-600">
        {copied === "yes" ? "Copied to clipboard" : copied === "failed" ? "Copy failed: select the key and copy it" : ""}
      </p>
      <div className="mt-4 flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </Dialog>
  );
}
