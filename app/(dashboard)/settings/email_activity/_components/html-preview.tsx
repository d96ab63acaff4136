"use client";

import { useState } from "react";
import { previewPath } from "@/lib/mail/preview";

// The message's HTML, rendered where it can do no harm: an iframe sandboxed with no permission at
// all (no allow-scripts, no allow-same-origin: scripts never run and the frame has an opaque
// origin), loading the preview route, whose own CSP loads nothing from the network. Remote images
// stay blocked until the person presses "Show remote images": the frame then loads the preview
// again with a CSP that allows them (lib/mail/preview.ts).
export function HtmlPreview({ messageId, remoteImages }: { messageId: string; remoteImages: boolean }) {
  const [showRemote, setShowRemote] = useState(false);
  return (
    <section aria-labelledby="html-preview-title" className="mt-6">
      <h2 id="html-preview-title" className="text-lg font-semibold">
        HTML
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <p id="html-preview-help" className="text-sm text-slate-600">
          {!remoteImages
            ? "Shown without scripts."
            : showRemote
              ? "Shown without scripts; remote images are shown, and their servers know the message was opened."
              : "Shown without scripts; remote images are blocked."}
        </p>
        {remoteImages ? (
          <button
            type="button"
            aria-pressed={showRemote}
            onClick={() => setShowRemote((shown) => !shown)}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 aria-pressed:bg-slate-100"
          >
            Show remote images
          </button>
        ) : null}
      </div>
      <iframe
        title="HTML preview"
        sandbox=""
        src={previewPath(messageId, { remoteImages: showRemote })}
        aria-describedby="html-preview-help"
        className="mt-2 h-96 w-full rounded-lg border border-slate-200 bg-white"
      />
    </section>
  );
}
