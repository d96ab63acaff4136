"use client";

import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { offeredLevels, type AccessLevel, type Category } from "@/lib/permissions/catalog";
import { scopesForLevel } from "@/lib/permissions/levels";
import { isSubset } from "@/lib/permissions/rules";

// The one per-category editor, used for API keys and for teammates: a fieldset per category
// with a radio per level the category offers.
const levelLabels: Record<AccessLevel, string> = { none: "No Access", read: "Read Access", full: "Full Access" };

interface PermissionsEditorProps {
  categories: readonly Category[];
  /** The form field of one category's level, e.g. `(id) => register(\`levels.${id}\`)`. */
  registerLevel: (categoryId: string) => UseFormRegisterReturn;
  /** The acting person's own scopes: levels beyond them are shown disabled, with the reason. */
  heldScopes: readonly string[];
  /** Categories whose stored scopes match no whole level: they get a "Custom" choice. */
  customCategories: ReadonlySet<string>;
}

export function PermissionsEditor({ categories, registerLevel, heldScopes, customCategories }: PermissionsEditorProps) {
  return (
    <div className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {categories.map((category) => (
        <CategoryLevels
          key={category.id}
          category={category}
          field={registerLevel(category.id)}
          heldScopes={heldScopes}
          custom={customCategories.has(category.id)}
        />
      ))}
    </div>
  );
}

function CategoryLevels({
  category,
  field,
  heldScopes,
  custom,
}: {
  category: Category;
  field: UseFormRegisterReturn;
  heldScopes: readonly string[];
  custom: boolean;
}) {
  const reasonId = useId();
  const levels: (AccessLevel | "custom")[] = [...offeredLevels(category), ...(custom ? (["custom"] as const) : [])];
  // The server refuses these anyway; disabling them says so before anyone tries.
  const beyondHeld = (level: AccessLevel | "custom") =>
    level !== "none" && level !== "custom" && !isSubset(scopesForLevel(category, level), heldScopes);
  const anyBeyond = levels.some(beyondHeld);

  return (
    <fieldset className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
      <legend className="float-left text-sm font-medium text-slate-800">{category.label}</legend>
      <div className="flex flex-wrap gap-4">
        {levels.map((level) => (
          <label key={level} className="flex items-center gap-1.5 text-sm text-slate-700 has-disabled:text-slate-400">
            <input
              type="radio"
              value={level}
              disabled={beyondHeld(level)}
              aria-describedby={beyondHeld(level) ? reasonId : undefined}
              {...field}
            />
            {level === "custom" ? "Custom" : levelLabels[level]}
          </label>
        ))}
      </div>
      {anyBeyond ? (
        <p id={reasonId} className="w-full text-xs text-slate-500">
          Higher levels exceed your own permissions.
        </p>
      ) : null}
    </fieldset>
  );
}
