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
  /** More ways to take the value, shown under it (e.g. an environment-variable line). */
  extra?: ReactNode;
  onDone: () => void;
}

// For a secret the server keeps only a hash of (a new key, an invitation link): shown once, with
// a Copy button. No onDismiss: neither Escape nor a click outside closes it, only Done.
export function ShownOnceDialog({ title, label, value, children, extra, onDone }: ShownOnceDialogProps) {
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
      {/* A wrapping read-only textarea, not a one-line input: all of the value stays in view to
          read and check, however narrow the screen. */}
      <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-start">
        <textarea
          readOnly
          aria-label={label}
          value={value}
          rows={2}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full resize-none rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm break-all [field-sizing:content]"
        />
        <Button variant="secondary" onClick={copy} className="shrink-0">
          Copy
        </Button>
      </div>
      <p aria-live="polite" className={`mt-2 min-h-5 text-sm ${copied === "failed" ? "text-red-700" : "font-medium text-green-800"}`}>
        {copied === "yes" ? (
          <>
            <span aria-hidden="true">✓ </span>Copied to clipboard
          </>
        ) : copied === "failed" ? (
          "Copy failed: select the text and copy it"
        ) : (
          ""
        )}
      </p>
      {extra}
      <div className="mt-4 flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </Dialog>
  );
}
