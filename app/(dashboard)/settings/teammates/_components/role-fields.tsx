"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { PermissionsEditor, type LevelsControl } from "@/components/permissions/permissions-editor";
import { isSubset } from "@/lib/permissions/rules";
import { roleLabels, scopesForRole, teammateCategories, type TeammateRole } from "@/lib/permissions/roles";

const roleHelp: Record<TeammateRole, string> = {
  owner: "Every permission, billing included, and can manage other owners.",
  admin: "Every general permission, including managing keys and teammates.",
  restricted: "Choose the level of access for each category.",
  read_only: "Can see everything general, and change nothing.",
};

interface RoleFieldsProps {
  roles: readonly TeammateRole[];
  role: TeammateRole;
  roleField: UseFormRegisterReturn;
  billingField: UseFormRegisterReturn;
  registerLevel: (categoryId: string) => UseFormRegisterReturn;
  heldScopes: readonly string[];
  customCategories: ReadonlySet<string>;
  levels?: LevelsControl;
}

// Role, "include billing" and, for Restricted, the same per-category editor as API keys. What the
// acting person could not grant is disabled with the reason; the server refuses it anyway.
export function RoleFields({ roles, role, roleField, billingField, registerLevel, heldScopes, customCategories, levels }: RoleFieldsProps) {
  const grantable = (choice: TeammateRole, includeBilling = false) =>
    isSubset(scopesForRole({ role: choice, includeBilling, levels: {} }), heldScopes);
  return (
    <>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Role</legend>
        {roles.map((choice) => {
          const allowed = choice === "restricted" || grantable(choice);
          return (
            <div key={choice} className="flex items-start gap-2 text-sm">
              <input
                id={`role-${choice}`}
                type="radio"
                value={choice}
                disabled={!allowed}
                aria-describedby={allowed ? `role-${choice}-help` : `role-${choice}-help role-${choice}-reason`}
                {...roleField}
                className="mt-0.5 size-4 shrink-0"
              />
              {/* The name is the role alone; what it means is its description. */}
              <div className={allowed ? "" : "text-slate-500"}>
                <label htmlFor={`role-${choice}`} className="font-medium">
                  {roleLabels[choice]}
                </label>
                <p id={`role-${choice}-help`} className={allowed ? "text-slate-600" : ""}>
                  {roleHelp[choice]}
                </p>
                {allowed ? null : (
                  <p id={`role-${choice}-reason`} className="text-xs">
                    Not available: it includes permissions you do not have.
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </fieldset>
      {role === "admin" || role === "read_only" ? (
        <BillingChoice field={billingField} allowed={grantable(role, true)} />
      ) : null}
      {role === "restricted" ? (
        <PermissionsEditor categories={teammateCategories} registerLevel={registerLevel} heldScopes={heldScopes} customCategories={customCategories} levels={levels} />
      ) : null}
    </>
  );
}

function BillingChoice({ field, allowed }: { field: UseFormRegisterReturn; allowed: boolean }) {
  return (
    <label className="flex items-start gap-2 text-sm has-disabled:text-slate-400">
      <input type="checkbox" disabled={!allowed} aria-describedby={allowed ? undefined : "billing-reason"} {...field} className="mt-1" />
      <span>
        <span className="font-medium">Include billing</span>
        {allowed ? null : (
          <span id="billing-reason" className="block text-xs text-slate-600">
            Not available: you do not have billing permissions.
          </span>
        )}
      </span>
    </label>
  );
}
