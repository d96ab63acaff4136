import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getNewestEmailMessageId, listEmailMessages } from "@/lib/data/email-activity";
import { getSessionContext } from "@/lib/data/session";
import { upstreamRelayConfig } from "@/lib/mail/relay-config";
import { retentionFromEnv } from "@/lib/mail/retention";
import { emailActivityQueryFrom, type EmailActivitySearchParams } from "@/lib/validation/email-activity";
import { ActivityFilters } from "../_components/activity-filters";
import { ActivityTable } from "../_components/activity-table";
import { LiveUpdates } from "../_components/live-updates";
import { Pagination } from "../_components/pagination";

export const metadata: Metadata = { title: "Email Activity" };

export default async function EmailActivityPage({ searchParams }: { searchParams: Promise<EmailActivitySearchParams> }) {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/sign-in");
  const query = emailActivityQueryFrom(await searchParams);
  const [result, newest] = await Promise.all([listEmailMessages(ctx, query), getNewestEmailMessageId(ctx)]);
  const retention = retentionFromEnv();
  const relayed = upstreamRelayConfig() !== null;
  return (
    <section aria-labelledby="email-activity-title">
      <h1 id="email-activity-title" className="text-2xl font-semibold">
        Email Activity
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        Messages your API keys sent through <code>/v3/mail/send</code> or the SMTP relay.{" "}
        {relayed ? "Each is also delivered through the upstream relay; its status follows the relay's answers." : "They stay on this server: nothing is delivered."}
        Keyward keeps the last {retention.maxMessages.toLocaleString("en-US")} messages of this account, for at most {retention.maxAgeDays} {retention.maxAgeDays === 1 ? "day" : "days"}.
      </p>
      {result.ok ? (
        <>
          <LiveUpdates
            newest={newest.ok ? newest.data : null}
            watched={result.data.messages.filter((message) => message.queued).map(({ id, status }) => ({ id, status }))}
          />
          <ActivityFilters query={query} keys={result.data.keys} />
          <ActivityTable messages={result.data.messages} />
          <Pagination query={query} page={result.data.page} pageCount={result.data.pageCount} total={result.data.total} />
        </>
      ) : (
        <p className="mt-4 text-slate-700">{result.message}</p>
      )}
    </section>
  );
}
