"use client";

import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

interface ShownOnceDialogProps {
  title: string;
  /** The read-only field's accessible name, e.g. "API key". */
  label: string;
  value: string;
  /** What the value is and that it will not be shown again. */
  children: ReactNode;
  onDone: () => void;
}

// For a secret the server keeps only a hash of (a new key, an invitation link): shown once, with
// a Copy button. No onDismiss: neither Escape nor a click outside closes it, only Done.
export function ShownOnceDialog({ title, label, value, children, onDone }: ShownOnceDialogProps) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <Dialog open title={title} role="alertdialog">
      <p className="text-sm text-slate-700">{children}</p>
      <div className="mt-4 flex gap-2">
        <input
          readOnly
          aria-label={label}
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copy}>
          Copy
        </Button>
      </div>
      <p aria-live="polite" className="mt-2 h-5 text-sm text-slate-600">
        {copied === "yes" ? "Copied to clipboard" : copied === "failed" ? "Copy failed: select the text and copy it" : ""}
      </p>
      <div className="mt-4 flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </Dialog>
  );
}
