"use client";

import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { offeredLevels, type AccessLevel, type Category } from "@/lib/permissions/catalog";
import { canGrantLevel } from "@/lib/permissions/grantable";

export const levelLabels: Record<AccessLevel, string> = { none: "No Access", read: "Read Access", full: "Full Access" };
/** Column order, the same in every row, so reading down a column always reads one level. */
const columns: readonly AccessLevel[] = ["none", "read", "full"];

interface CategoryRowProps {
  category: Category;
  field: UseFormRegisterReturn;
  heldScopes: readonly string[];
  custom: boolean;
  /** Filtered out: hidden, but kept mounted so its value stays registered with the form. */
  hidden: boolean;
}

export function CategoryRow({ category, field, heldScopes, custom, hidden }: CategoryRowProps) {
  const reasonId = useId();
  const offered = offeredLevels(category);
  // The server refuses these anyway; disabling them says so before anyone tries.
  const beyondHeld = (level: AccessLevel) => level !== "none" && !canGrantLevel(category, level, heldScopes);
  const anyBeyond = offered.some(beyondHeld);

  return (
    <fieldset hidden={hidden} className="grid grid-cols-3 items-center gap-x-1 gap-y-2 px-3 py-3 sm:grid-cols-[minmax(0,1fr)_7rem_7rem_7rem] sm:gap-x-2 sm:px-4">
      <legend className="float-left col-span-3 text-sm font-medium text-slate-800 sm:col-span-1">{category.label}</legend>
      {columns.map((level) =>
        offered.includes(level) ? (
          <label key={level} className="flex items-center gap-1 text-sm whitespace-nowrap text-slate-700 has-disabled:text-slate-500 sm:gap-1.5">
            <input
              type="radio"
              value={level}
              disabled={beyondHeld(level)}
              aria-describedby={beyondHeld(level) ? reasonId : undefined}
              {...field}
              className="size-4 shrink-0"
            />
            {levelLabels[level]}
          </label>
        ) : (
          <span key={level} aria-hidden="true" />
        ),
      )}
      {custom ? (
        <div className="col-span-3 flex flex-wrap items-center gap-x-1.5 text-sm text-slate-700 sm:col-start-2">
          <label className="flex items-center gap-1.5">
            <input type="radio" value="custom" aria-describedby={`${reasonId}-custom`} {...field} className="size-4 shrink-0" />
            Custom
          </label>
          <span id={`${reasonId}-custom`} className="text-slate-600">
            keeps the scopes held now in this category
          </span>
        </div>
      ) : null}
      {anyBeyond ? (
        <p id={reasonId} className="col-span-full text-xs text-slate-600">
          Higher levels exceed your own permissions.
        </p>
      ) : null}
    </fieldset>
  );
}
