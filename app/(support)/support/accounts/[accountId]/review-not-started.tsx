import type { ReviewSection } from "@/lib/data/support";
import { ReviewNav } from "./review-nav";

const tabOf = { api_keys: "keys", audit_log: "audit", email_activity: "email" } as const;
import { StartReview } from "./start-review";

/** Before the review starts: only the id from the address, nothing read from the account. */
export function ReviewNotStarted({ accountId, section }: { accountId: string; section: ReviewSection }) {
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title" className="text-2xl font-semibold">
        Review account
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        Account <code className="font-mono">{accountId}</code>
      </p>
      <ReviewNav accountId={accountId} current={tabOf[section]} />
      <StartReview accountId={accountId} section={section} />
    </section>
  );
}
