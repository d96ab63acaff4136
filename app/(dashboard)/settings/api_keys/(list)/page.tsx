import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { listApiKeysWithUsage } from "@/lib/data/api-key-usage-queries";
import { getSessionContext } from "@/lib/data/session";
import { ApiKeysView } from "../_components/api-keys-view";
import { parseKeyListQuery } from "../_components/list-query-schema";

export const metadata: Metadata = { title: "API Keys" };

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/sign-in");
  const result = await listApiKeysWithUsage(ctx);

  return (
    <section aria-labelledby="api-keys-title">
      <h1 id="api-keys-title" className="text-2xl font-semibold">
        API Keys
      </h1>
      {result.ok ? (
        <ApiKeysView list={result.data} query={parseKeyListQuery(await searchParams)} />
      ) : (
        <p className="mt-4 text-slate-700">{result.message}</p>
      )}
    </section>
  );
}
