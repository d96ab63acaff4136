"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { signOutOtherSessionsAction } from "../actions";

export function SignOutOthersForm() {
  const [state, setState] = useState<{ pending: boolean; message: string }>({ pending: false, message: "" });
  async function signOutOthers() {
    setState({ pending: true, message: "" });
    // On success the action redirects to /profile?done=sessions; it returns only on failure.
    const result = await signOutOtherSessionsAction();
    setState({ pending: false, message: result.message });
  }
  return (
    <div className="mt-3 space-y-3">
      <p id="sign-out-others-help" className="text-sm text-slate-600">
        Ends your sessions in every other browser and device. This one stays signed in.
      </p>
      <div className="flex items-center gap-3">
        <Button variant="secondary" aria-describedby="sign-out-others-help" disabled={state.pending} onClick={signOutOthers}>
          Sign out of all other sessions
        </Button>
        <p role="status" className="text-sm text-slate-700">
          {state.message}
        </p>
      </div>
    </div>
  );
}
