"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { keySorts, type KeyListQuery, type KeySort } from "./list-query";

const ACTION = "/settings/api_keys";

// A GET form: search and sort are in the URL, and work before (and without) JavaScript. Once the
// page is interactive a submit becomes a client-side navigation, as next/form would make it
// (next/form itself weighed 3 KB compressed of the page's JavaScript: issue 9's budget).
export function KeysToolbar({ query }: { query: KeyListQuery }) {
  const router = useRouter();
  const navigate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string") params.append(name, value);
    router.push(`${ACTION}?${params}`);
  };
  return (
    <form action={ACTION} onSubmit={navigate} role="search" aria-label="API keys" className="mt-4 flex flex-wrap items-end gap-3">
      <div className="min-w-0 grow sm:grow-0">
        <label htmlFor="key-search" className="block text-sm font-medium">
          Search keys
        </label>
        <input
          id="key-search"
          type="search"
          name="q"
          defaultValue={query.q}
          maxLength={100}
          aria-describedby="key-search-hint"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 sm:w-64"
        />
        <span id="key-search-hint" className="sr-only">
          By name or API key ID
        </span>
      </div>
      <div>
        <label htmlFor="key-sort" className="block text-sm font-medium">
          Sort by
        </label>
        <select
          id="key-sort"
          name="sort"
          defaultValue={query.sort}
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
          className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          {(Object.keys(keySorts) as KeySort[]).map((sort) => (
            <option key={sort} value={sort}>
              {keySorts[sort]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
        Search
      </button>
    </form>
  );
}
