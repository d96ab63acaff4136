import type { ReactNode } from "react";

// What a member without api_keys.create sees instead of a Create button, so an empty Action
// column is explained rather than puzzling.
export function ReadOnlyNotice() {
  return (
    <p className="mt-3 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
      <strong className="font-semibold">You can view API keys but not create or change them.</strong> Your role in this
      account does not include managing keys; an account owner can change that on the Teammates page.
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center sm:p-10">
      <h2 className="text-lg font-semibold">No API keys yet</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
        API keys let your applications send email and call the API on behalf of this account, with only the
        permissions you give them. A key is shown once, when you create it.
      </p>
      <div className="mt-4">{children}</div>
    </div>
  );
}
