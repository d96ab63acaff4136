import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionContext } from "@/lib/data/session";
import { listTeammates } from "@/lib/data/teammates";
import { TeammatesView } from "./_components/teammates-view";

export const metadata: Metadata = { title: "Teammates" };

export default async function TeammatesPage() {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/sign-in");
  const result = await listTeammates(ctx);

  return (
    <section aria-labelledby="teammates-title">
      <h1 id="teammates-title" tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
        Teammates
      </h1>
      {result.ok ? <TeammatesView list={result.data} /> : <p className="mt-4 text-slate-700">{result.message}</p>}
    </section>
  );
}
