"use client";

import { useRef, useState } from "react";
import { useRenderedAccountId } from "@/components/account/current-account";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { rollGraceLabels, rollGraces, type RollGrace } from "@/lib/keys/expiry";
import { rollApiKeyAction } from "../actions";

interface RollKeyDialogProps {
  apiKey: { id: string; name: string };
  onClose: () => void;
  onRolled: (key: string, replacement: { id: string; name: string }) => void;
}

const graces = Object.keys(rollGraces) as RollGrace[];

// Rolling is not destructive at once (unless "Expire now"), but it does end the old key: confirmed
// in an alert dialog, with the grace chosen as radio buttons.
export function RollKeyDialog({ apiKey, onClose, onRolled }: RollKeyDialogProps) {
  const accountId = useRenderedAccountId();
  const [grace, setGrace] = useState<RollGrace>("1h");
  // The new key travels from the action's result to onConfirmed, and nowhere else.
  const rolled = useRef<{ key: string; id: string; name: string } | null>(null);
  return (
    <ConfirmDialog
      title="Roll API Key"
      confirmLabel="Roll key"
      pendingLabel="Rolling…"
      onClose={onClose}
      onConfirm={async () => {
        const result = await rollApiKeyAction(accountId, apiKey.id, grace);
        if (result.ok) rolled.current = { key: result.data.key, id: result.data.apiKey.id, name: result.data.apiKey.name };
        return result;
      }}
      onConfirmed={() => {
        if (rolled.current) onRolled(rolled.current.key, rolled.current);
      }}
    >
      <p>
        A new key replaces <strong>{apiKey.name}</strong>, with the same permissions. Switch your programs to it before the
        old key expires.
      </p>
      <fieldset className="mt-4">
        <legend className="font-medium text-slate-900">Old key expires</legend>
        <div className="mt-2 space-y-2">
          {graces.map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="roll-grace" value={value} checked={grace === value} onChange={() => setGrace(value)} />
              {rollGraceLabels[value]}
            </label>
          ))}
        </div>
      </fieldset>
    </ConfirmDialog>
  );
}
