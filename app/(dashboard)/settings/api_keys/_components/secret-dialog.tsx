"use client";

import { ShownOnceDialog } from "@/components/ui/shown-once-dialog";

export function SecretDialog({ apiKey, name, onDone }: { apiKey: string; name: string; onDone: () => void }) {
  return (
    <ShownOnceDialog title="API Key Created" label="API key" value={apiKey} onDone={onDone}>
      Copy the key for <strong>{name}</strong> and keep it somewhere safe.{" "}
      <strong>For security reasons, it will not be shown again.</strong>
    </ShownOnceDialog>
  );
}
