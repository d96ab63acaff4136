"use client";

import { useId } from "react";
import type { AccessLevel, Category } from "@/lib/permissions/catalog";
import { highestGrantableLevel } from "@/lib/permissions/grantable";
import type { LevelsControl } from "./permissions-editor";

const shortcuts: { level: AccessLevel; text: string }[] = [
  { level: "none", text: "No" },
  { level: "read", text: "Read" },
  { level: "full", text: "Full" },
];

interface EditorToolbarProps {
  categories: readonly Category[];
  /** The categories the filter leaves in view: the shortcuts change only these. */
  shown: readonly Category[];
  filter: string;
  onFilter: (value: string) => void;
  heldScopes: readonly string[];
  levels?: LevelsControl;
}

export function EditorToolbar({ categories, shown, filter, onFilter, heldScopes, levels }: EditorToolbarProps) {
  const filterId = useId();
  const granted = levels ? categories.filter((category) => (levels.values[category.id] ?? "none") !== "none").length : 0;
  const setAll = (level: AccessLevel) =>
    levels?.set(Object.fromEntries(shown.map((category) => [category.id, highestGrantableLevel(category, level, heldScopes)])));
  const scope = filter.trim() ? "shown" : "all";

  return (
    <div className="space-y-3 border-b border-slate-200 bg-slate-50 px-3 py-3 sm:px-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-48">
          <label htmlFor={filterId} className="block text-sm font-medium">
            Filter categories
          </label>
          <input
            id={filterId}
            type="search"
            value={filter}
            onChange={(event) => onFilter(event.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
          />
        </div>
        {levels ? (
          <div role="group" aria-label={`Set ${scope} categories`} className="flex items-center gap-1 text-sm">
            <span aria-hidden="true" className="mr-1 text-slate-700">
              Set {scope}:
            </span>
            {shortcuts.map(({ level, text }) => (
              <button
                key={level}
                type="button"
                aria-label={`Set ${scope} to ${text} Access`}
                onClick={() => setAll(level)}
                className="rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600"
              >
                {text}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {levels ? (
        <p aria-live="polite" className="text-sm text-slate-700">
          <strong>{granted}</strong> of {categories.length} categories granted
          {granted === 0 ? <span className="text-slate-600"> · choose at least one</span> : null}
        </p>
      ) : null}
    </div>
  );
}
