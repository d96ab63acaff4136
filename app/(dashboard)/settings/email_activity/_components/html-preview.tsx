// The message's HTML, rendered where it can do no harm: an iframe sandboxed with no permission at
// all (no allow-scripts, no allow-same-origin: scripts never run and the frame has an opaque
// origin), and a CSP of its own that loads nothing from the network. A srcdoc frame also inherits
// the page's own CSP, so remote images stay blocked either way.
const PREVIEW_CSP = "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; font-src data:; form-action 'none'";

export function previewDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}"><base target="_blank"></head><body>${html}</body></html>`;
}

export function HtmlPreview({ html }: { html: string }) {
  return (
    <section aria-labelledby="html-preview-title" className="mt-6">
      <h2 id="html-preview-title" className="text-lg font-semibold">
        HTML
      </h2>
      <p id="html-preview-help" className="text-sm text-slate-600">
        Shown without scripts; remote images are blocked.
      </p>
      <iframe
        title="HTML preview"
        sandbox=""
        srcDoc={previewDocument(html)}
        aria-describedby="html-preview-help"
        className="mt-2 h-96 w-full rounded-lg border border-slate-200 bg-white"
      />
    </section>
  );
}
