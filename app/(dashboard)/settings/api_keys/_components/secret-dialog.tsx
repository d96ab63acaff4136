"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ShownOnceDialog } from "@/components/ui/shown-once-dialog";

export function SecretDialog({ apiKey, name, onDone }: { apiKey: string; name: string; onDone: () => void }) {
  return (
    <ShownOnceDialog
      title="API Key Created"
      label="API key"
      value={apiKey}
      onDone={onDone}
      extra={<EnvironmentLine apiKey={apiKey} />}
    >
      Copy the key for <strong>{name}</strong> and keep it somewhere safe. It starts with SG. and is 69 characters
      long. <strong>For security reasons, it will not be shown again.</strong>
    </ShownOnceDialog>
  );
}

// The line most programs read the key from (SendGrid's own libraries' examples use this name).
function EnvironmentLine({ apiKey }: { apiKey: string }) {
  const line = `SENDGRID_API_KEY=${apiKey}`;
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(line);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="mt-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <textarea
          readOnly
          aria-label="Environment variable line"
          value={line}
          rows={2}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full resize-none rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm break-all [field-sizing:content]"
        />
        <Button variant="secondary" onClick={copy} className="shrink-0">
          Copy line
        </Button>
      </div>
      <p aria-live="polite" className={`mt-2 min-h-5 text-sm ${copied === "failed" ? "text-red-700" : "font-medium text-green-800"}`}>
        {copied === "yes" ? "Line copied to clipboard" : copied === "failed" ? "Copy failed: select the text and copy it" : ""}
      </p>
    </div>
  );
}
