"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const POLL_MS = 4_000;

// New messages without a reload: while the tab is visible, ask every few seconds for the newest
// message id (one indexed read) and re-render the page only when it changed. A hidden tab asks
// nothing; coming back asks at once. The change is announced politely.
export function LiveUpdates({ newest }: { newest: string | null }) {
  const router = useRouter();
  const seen = useRef(newest);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    let stopped = false;
    async function check() {
      if (stopped || document.visibilityState !== "visible") return;
      try {
        const response = await fetch("/settings/email_activity/newest", { cache: "no-store" });
        if (!response.ok) return;
        const { newest: latest } = (await response.json()) as { newest: string | null };
        if (stopped || latest === seen.current) return;
        seen.current = latest;
        router.refresh();
        setAnnouncement(`New messages arrived at ${new Date().toLocaleTimeString()}.`);
      } catch {
        // Offline or the server restarting: the next tick asks again.
      }
    }
    const timer = setInterval(check, POLL_MS);
    document.addEventListener("visibilitychange", check);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", check);
    };
  }, [router]);

  return (
    <p role="status" className="sr-only">
      {announcement}
    </p>
  );
}
