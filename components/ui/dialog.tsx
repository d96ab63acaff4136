"use client";

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";

interface DialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** Called on Escape. Omit it for a dialog that must be closed through its own buttons. */
  onDismiss?: () => void;
  role?: "dialog" | "alertdialog";
}

// A native modal <dialog>: the browser makes the rest of the page inert, keeps focus inside and
// returns it to the opener on close. It never closes on an outside click.
// Without onDismiss it must not close on Escape at all (a key shown once would be lost), and
// cancelling the `cancel` event is not enough: Chromium stops honouring that after repeated
// Escapes and closes anyway. So the Escape keydown itself is cancelled too, and should the
// element close regardless, `close` reopens it (or reports the dismissal) so that the page's
// state and the element never disagree.
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

// A modal <dialog> makes the page inert, but Tab from its last control still leaves for the
// browser's own UI (and focus lands on <body> on the way back). Wrapping at both ends keeps a
// keyboard user inside until the dialog is closed.
function keepTabInside(dialog: HTMLDialogElement, event: KeyboardEvent<HTMLDialogElement>) {
  // Radios of one group are a single Tab stop: only the checked one (or the first) counts.
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0 && !(element instanceof HTMLInputElement && element.type === "radio" && !element.checked),
  );
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export function Dialog({ open, title, children, onDismiss, role = "dialog" }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !onDismiss) event.preventDefault();
        if (event.key === "Tab") keepTabInside(event.currentTarget, event);
      }}
      onCancel={(event) => {
        event.preventDefault();
        onDismiss?.();
      }}
      onClose={(event) => {
        if (!open) return;
        if (onDismiss) onDismiss();
        else event.currentTarget.showModal();
      }}
      className="m-auto w-full max-w-2xl rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      {open ? (
        <div className="max-h-[85vh] overflow-y-auto p-4 sm:p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="mt-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
