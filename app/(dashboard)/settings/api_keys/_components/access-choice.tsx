import type { UseFormRegisterReturn } from "react-hook-form";

// The two presets of a general key. Each radio's name is its label alone ("Full Access"); the
// sentence under it describes it through aria-describedby.
export function AccessChoice({ field, fullAllowed }: { field: UseFormRegisterReturn; fullAllowed: boolean }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">API Key Permissions</legend>
      <div className="flex items-start gap-2 text-sm">
        <input
          id="access-full"
          type="radio"
          value="full"
          disabled={!fullAllowed}
          aria-describedby={fullAllowed ? "access-full-help" : "access-full-help access-full-reason"}
          {...field}
          className="mt-0.5 size-4 shrink-0"
        />
        <div>
          <label htmlFor="access-full" className="font-medium has-disabled:text-slate-500">
            Full Access
          </label>
          <p id="access-full-help" className="text-slate-600">
            Every general permission, including creating and deleting keys.
          </p>
          {fullAllowed ? null : (
            <p id="access-full-reason" className="text-xs text-slate-600">
              Not available: you do not hold every permission yourself.
            </p>
          )}
        </div>
      </div>
      <div className="flex items-start gap-2 text-sm">
        <input id="access-restricted" type="radio" value="restricted" aria-describedby="access-restricted-help" {...field} className="mt-0.5 size-4 shrink-0" />
        <div>
          <label htmlFor="access-restricted" className="font-medium">
            Restricted Access
          </label>
          <p id="access-restricted-help" className="text-slate-600">
            Choose the level of access for each category.
          </p>
        </div>
      </div>
    </fieldset>
  );
}
