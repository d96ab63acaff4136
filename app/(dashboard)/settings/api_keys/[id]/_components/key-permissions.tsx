import { categoriesFor, type KeyType } from "@/lib/permissions/catalog";
import { levelOf } from "@/lib/permissions/levels";

const levelLabels = { none: "No Access", read: "Read Access", full: "Full Access", custom: "Custom" } as const;

/** Per category, and the raw scope list: the exact strings a 403 is about. */
export function KeyPermissions({ type, scopes }: { type: KeyType; scopes: string[] }) {
  return (
    <section aria-labelledby="key-permissions-title">
      <h2 id="key-permissions-title" className="text-lg font-semibold">
        Permissions
      </h2>
      <table className="mt-2 w-full max-w-xl text-left text-sm">
        <caption className="sr-only">Access per category</caption>
        <thead className="text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">Category</th>
            <th scope="col" className="py-1 font-medium">Access</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {categoriesFor(type).map((category) => (
            <tr key={category.id}>
              <th scope="row" className="py-1 pr-4 font-normal">{category.label}</th>
              <td className="py-1">{levelLabels[levelOf(category, scopes)]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 id="raw-scopes-title" className="mt-4 font-medium">
        Raw scopes
      </h3>
      <p className="text-sm text-slate-600">A 403 from /v3 names one of these strings as missing.</p>
      <ul aria-labelledby="raw-scopes-title" className="mt-2 flex flex-wrap gap-2">
        {scopes.map((scope) => (
          <li key={scope}>
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{scope}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
