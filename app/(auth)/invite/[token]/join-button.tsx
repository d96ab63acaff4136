"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { joinInviteAction } from "./actions";

export function JoinButton({ token, accountName }: { token: string; accountName: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const join = () =>
    startTransition(async () => {
      const result = await joinInviteAction(token);
      setMessage(result.message);
    });
  return (
    <div className="mt-6 space-y-3">
      <Button onClick={join} disabled={pending}>
        {pending ? "Joining…" : `Join ${accountName}`}
      </Button>
      {message ? (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
