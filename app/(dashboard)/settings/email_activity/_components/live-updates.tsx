"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const POLL_MS = 4_000;

export interface WatchedMessage {
  id: string;
  status: string;
}

// New messages and status changes without a reload: while the tab is visible, ask every few
// seconds for the newest message id and the statuses of the queued messages on screen (one
// indexed read, plus a lookup by id of at most a page), and re-render the page only when
// something changed. A hidden tab asks nothing; coming back asks at once. Changes are announced
// politely.
export function LiveUpdates({ newest, watched }: { newest: string | null; watched: WatchedMessage[] }) {
  const router = useRouter();
  const seen = useRef(newest);
  const watching = useRef(watched);
  const [announcement, setAnnouncement] = useState("");

  // A refresh renders the page again with what the server has now.
  useEffect(() => {
    seen.current = newest;
    watching.current = watched;
  }, [newest, watched]);

  useEffect(() => {
    let stopped = false;
    async function check() {
      if (stopped || document.visibilityState !== "visible") return;
      try {
        const ids = watching.current.map((message) => message.id);
        const query = ids.length ? `?watch=${ids.map(encodeURIComponent).join(",")}` : "";
        const response = await fetch(`/settings/email_activity/newest${query}`, { cache: "no-store" });
        if (!response.ok) return;
        const { newest: latest, statuses } = (await response.json()) as { newest: string | null; statuses: Record<string, string> };
        if (stopped) return;
        const changed = watching.current.filter((message) => statuses[message.id] !== undefined && statuses[message.id] !== message.status);
        const arrived = latest !== seen.current;
        if (!arrived && changed.length === 0) return;
        seen.current = latest;
        watching.current = watching.current.map((message) => ({ ...message, status: statuses[message.id] ?? message.status }));
        router.refresh();
        const time = new Date().toLocaleTimeString();
        const statusNews = changed.length === 1 ? `A message is now ${statuses[changed[0]!.id]}.` : `${changed.length} messages changed status.`;
        setAnnouncement(arrived ? `New messages arrived at ${time}.${changed.length ? ` ${statusNews}` : ""}` : `${statusNews} (${time})`);
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
