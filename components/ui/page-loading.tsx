// Shown by a route's loading.tsx while the next page is fetched: the frame stays, the content
// area says it is loading (politely, once) and sketches what is coming.
//
// Each settings list page has its own loading.tsx, and none sits above a page that can answer
// "not found" (a key's or a message's page): a loading boundary above such a page streams it with
// HTTP 200 before it knows, so its 404 would be a 200. A page's loading state comes with the
// prefetch of its link; links to pages without one, and a click before that prefetch is back,
// show LinkPending instead.
export function PageLoading({ label = "Loading…" }: { label?: string }) {
  return (
    <div role="status" className="animate-pulse">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true">
        <div className="h-8 w-48 rounded bg-slate-200" />
        <div className="mt-4 h-4 w-32 rounded bg-slate-200" />
        <div className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          {[0, 1, 2].map((row) => (
            <div key={row} className="h-5 rounded bg-slate-100" />
          ))}
        </div>
      </div>
    </div>
  );
}
