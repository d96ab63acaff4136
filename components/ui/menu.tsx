"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface MenuItem {
  id: string;
  label: string;
  onSelect: () => void;
  destructive?: boolean;
}

interface MenuProps {
  /** The button's accessible name, e.g. "Actions for Production". */
  label: string;
  /** What the button shows (an icon); the accessible name comes from `label`. */
  trigger: ReactNode;
  items: MenuItem[];
  align?: "start" | "end";
  buttonClassName?: string;
  /** A stable id, so a page can return focus to this button after a dialog it opened closes. */
  buttonId?: string;
}

// The WAI-ARIA menu button pattern: Enter, Space or ArrowDown opens and focuses the first item;
// arrows, Home and End move; Escape or Tab closes and returns focus to the button.
export function Menu({ label, trigger, items, align = "end", buttonClassName = "", buttonId }: MenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  const focusItem = (index: number) => itemRefs.current[(index + items.length) % items.length]?.focus();

  const openAt = (index: number) => {
    setOpen(true);
    requestAnimationFrame(() => focusItem(index));
  };

  const closeMenu = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const current = itemRefs.current.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(current + 1),
      ArrowUp: () => focusItem(current - 1),
      Home: () => focusItem(0),
      End: () => focusItem(items.length - 1),
      Escape: closeMenu,
      Tab: () => setOpen(false),
    };
    const move = moves[event.key];
    if (!move) return;
    if (event.key !== "Tab") event.preventDefault();
    move();
  };

  return (
    <div ref={rootRef} className="relative inline-block">
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            openAt(0);
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            openAt(items.length - 1);
          }
        }}
        className={`focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${buttonClassName}`}
      >
        {trigger}
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKeyDown}
          className={`absolute z-20 mt-1 min-w-44 rounded-md border border-slate-200 bg-white py-1 shadow-lg ${align === "end" ? "right-0" : "left-0"}`}
        >
          {items.map((item, index) => (
            <button
              key={item.id}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
              // A focused item is unmistakable: tinted, outlined and bold, not merely pale grey.
              className={`block w-full px-4 py-2 text-left text-sm hover:bg-slate-100 focus:bg-brand-50 focus:font-semibold focus:outline-2 focus:-outline-offset-2 focus:outline-brand-600 ${item.destructive ? "text-red-700" : "text-slate-800"}`}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
