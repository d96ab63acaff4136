"use client";

import { LocalTime } from "@/components/ui/local-time";
import { Menu, type MenuItem } from "@/components/ui/menu";
import type { InviteDTO } from "@/lib/data/invites";
import type { TeammateDTO, TeammateList } from "@/lib/data/teammates";
import { roleLabels } from "@/lib/permissions/roles";
import { GearIcon } from "@/components/ui/gear-icon";

interface TeammatesTableProps {
  list: TeammateList;
  onEdit: (teammate: TeammateDTO) => void;
  onRemove: (teammate: TeammateDTO) => void;
  onRevoke: (invite: InviteDTO) => void;
}

/** The gear button of a teammate's row, where focus returns after its Edit dialog. */
export function teammateActionsId(userId: string): string {
  return `teammate-actions-${userId}`;
}

export function TeammatesTable({ list, onEdit, onRemove, onRevoke }: TeammatesTableProps) {
  const { abilities } = list;
  return (
    // On phones the E-mail and Status columns fold into the Name cell, so the table fits the width.
    <div className="mt-4 rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">Teammates and open invitations</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="hidden px-4 py-3 font-medium md:table-cell">E-mail</th>
            <th scope="col" className="w-28 px-4 py-3 font-medium">Role</th>
            <th scope="col" className="hidden w-52 px-4 py-3 font-medium lg:table-cell">Status</th>
            <th scope="col" className="w-20 px-4 py-3 text-right font-medium">Action</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.teammates.map((teammate) => {
            const items: MenuItem[] = [
              ...(abilities.update ? [{ id: "edit", label: "Edit", onSelect: () => onEdit(teammate) }] : []),
              ...(abilities.remove ? [{ id: "remove", label: "Remove", destructive: true, onSelect: () => onRemove(teammate) }] : []),
            ];
            const managed = teammate.role !== "owner" || abilities.manageOwners;
            return (
              <tr key={teammate.userId}>
                <td className="px-4 py-3 font-medium text-slate-900 [overflow-wrap:anywhere]">
                  {teammate.name}
                  {teammate.isYou ? <span className="ml-2 text-xs font-normal text-slate-600">(you)</span> : null}
                  <span className="block text-xs font-normal text-slate-600 md:hidden">{teammate.email}</span>
                </td>
                <td className="hidden px-4 py-3 text-slate-700 [overflow-wrap:anywhere] md:table-cell">{teammate.email}</td>
                <td className="px-4 py-3 text-slate-700">{roleLabels[teammate.role]}</td>
                <td className="hidden px-4 py-3 lg:table-cell">
                  <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-800">Active</span>
                </td>
                <td className="px-4 py-3 text-right">
                  {items.length && managed ? (
                    <Menu label={`Actions for ${teammate.name}`} buttonId={teammateActionsId(teammate.userId)} trigger={<GearIcon />} items={items} buttonClassName="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800" />
                  ) : null}
                </td>
              </tr>
            );
          })}
          {list.invites.map((invite) => (
            <tr key={invite.id}>
              <td className="px-4 py-3 text-slate-700 [overflow-wrap:anywhere]">
                <span className="md:hidden">{invite.email}</span>
                <span className="hidden text-slate-600 md:inline">—</span>
                <span className="block text-xs text-amber-800 lg:hidden">Invited</span>
              </td>
              <td className="hidden px-4 py-3 text-slate-700 [overflow-wrap:anywhere] md:table-cell">{invite.email}</td>
              <td className="px-4 py-3 text-slate-700">{roleLabels[invite.role]}</td>
              <td className="hidden px-4 py-3 lg:table-cell">
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">Invited</span>
                <span className="ml-2 text-xs text-slate-600">
                  expires <LocalTime iso={invite.expiresAt} dateOnly />
                </span>
              </td>
              <td className="px-4 py-3 text-right">
                {abilities.remove ? (
                  <Menu
                    label={`Actions for invitation to ${invite.email}`}
                    trigger={<GearIcon />}
                    items={[{ id: "revoke", label: "Revoke invitation", destructive: true, onSelect: () => onRevoke(invite) }]}
                    buttonClassName="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
