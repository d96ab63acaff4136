"use client";

import { useState, useTransition, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import type { DataResult } from "@/lib/data/result";

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  pendingLabel?: string;
  children: ReactNode;
  onConfirm: () => Promise<DataResult<unknown>>;
  onClose: () => void;
  /** Called instead of onClose once the action succeeded, e.g. to move focus and confirm it. */
  onConfirmed?: () => void;
}

// A destructive action confirmed in an alert dialog; a refusal is shown in it, never thrown.
export function ConfirmDialog({ title, confirmLabel, pendingLabel = "Working…", children, onConfirm, onClose, onConfirmed }: ConfirmDialogProps) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await onConfirm();
      if (result.ok) (onConfirmed ?? onClose)();
      else setMessage(result.message);
    });
  return (
    <Dialog open title={title} role="alertdialog" onDismiss={onClose}>
      <div className="text-sm text-slate-700">{children}</div>
      {message ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <div className="mt-6 flex justify-end gap-3">
        <Button variant="secondary" onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" onClick={confirm} disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
