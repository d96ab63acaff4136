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

export function TeammatesTable({ list, onEdit, onRemove, onRevoke }: TeammatesTableProps) {
  const { abilities } = list;
  return (
    <div className="mt-4 overflow-visible rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">E-mail</th>
            <th scope="col" className="px-4 py-3 font-medium">Role</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
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
                <td className="px-4 py-3 font-medium text-slate-900">
                  {teammate.name}
                  {teammate.isYou ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
                </td>
                <td className="px-4 py-3 text-slate-700">{teammate.email}</td>
                <td className="px-4 py-3 text-slate-700">{roleLabels[teammate.role]}</td>
                <td className="px-4 py-3">
                  <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-800">Active</span>
                </td>
                <td className="px-4 py-3 text-right">
                  {items.length && managed ? (
                    <Menu label={`Actions for ${teammate.name}`} trigger={<GearIcon />} items={items} buttonClassName="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800" />
                  ) : null}
                </td>
              </tr>
            );
          })}
          {list.invites.map((invite) => (
            <tr key={invite.id}>
              <td className="px-4 py-3 text-slate-500">—</td>
              <td className="px-4 py-3 text-slate-700">{invite.email}</td>
              <td className="px-4 py-3 text-slate-700">{roleLabels[invite.role]}</td>
              <td className="px-4 py-3">
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">Invited</span>
                <span className="ml-2 text-xs text-slate-500">
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
