"use client";

import { useId, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { AccessLevel, Category, CategoryLevel } from "@/lib/permissions/catalog";
import { CategoryRow } from "./category-row";
import { EditorToolbar } from "./editor-toolbar";

/** The current levels and a way to change many at once; without it the editor has no shortcuts or count. */
export interface LevelsControl {
  values: Readonly<Record<string, CategoryLevel | undefined>>;
  set: (changes: Record<string, AccessLevel>) => void;
}

interface PermissionsEditorProps {
  categories: readonly Category[];
  /** The form field of one category's level, e.g. `(id) => register(\`levels.${id}\`)`. */
  registerLevel: (categoryId: string) => UseFormRegisterReturn;
  /** The acting person's own scopes: levels beyond them are shown disabled, with the reason. */
  heldScopes: readonly string[];
  /** Categories whose stored scopes match no whole level: they get a "Custom" choice. */
  customCategories: ReadonlySet<string>;
  levels?: LevelsControl;
  /** Ids of messages about the permissions as a whole (e.g. "Choose at least one permission"). */
  describedBy?: string;
  /** Lets a form move focus here when the permissions are what needs fixing. */
  id?: string;
}

// The one per-category editor, used for API keys and for teammates: a fieldset per category with
// a radio per level, each level always in its own column (a level the category lacks leaves its
// cell empty), a filter and, given `levels`, set-all shortcuts and a live count.
export function PermissionsEditor({ categories, registerLevel, heldScopes, customCategories, levels, describedBy, id }: PermissionsEditorProps) {
  const [filter, setFilter] = useState("");
  const headingId = useId();
  const needle = filter.trim().toLowerCase();
  const matches = (category: Category) => !needle || category.label.toLowerCase().includes(needle);
  const shown = categories.filter(matches);

  return (
    <div id={id} tabIndex={-1} role="group" aria-labelledby={headingId} aria-describedby={describedBy} className="rounded-md border border-slate-200 focus:outline-2 focus:outline-brand-600">
      <h3 id={headingId} className="sr-only">
        Permissions by category
      </h3>
      {categories.length > 1 ? (
        <EditorToolbar categories={categories} shown={shown} filter={filter} onFilter={setFilter} heldScopes={heldScopes} levels={levels} />
      ) : null}
      <div className="divide-y divide-slate-100">
        {categories.map((category) => (
          <CategoryRow
            key={category.id}
            category={category}
            field={registerLevel(category.id)}
            heldScopes={heldScopes}
            custom={customCategories.has(category.id)}
            hidden={!matches(category)}
          />
        ))}
        {shown.length === 0 ? <p className="px-4 py-3 text-sm text-slate-600">No category matches “{filter.trim()}”.</p> : null}
      </div>
    </div>
  );
}
