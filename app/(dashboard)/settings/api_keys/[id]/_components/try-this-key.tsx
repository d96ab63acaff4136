/**
 * A curl line against /v3/scopes with the key id filled in. The secret stays a placeholder: the
 * server never had it to show, and the hint says why the id alone does not work.
 */
export function TryThisKey({ keyId, origin }: { keyId: string; origin: string }) {
  const snippet = `curl -H "Authorization: Bearer SG.${keyId}.<YOUR_SECRET>" ${origin}/v3/scopes`;
  return (
    <section aria-labelledby="try-key-title">
      <h2 id="try-key-title" className="text-lg font-semibold">
        Try this key
      </h2>
      <pre className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs whitespace-pre-wrap break-all text-slate-100">
        <code>{snippet}</code>
      </pre>
      <p id="try-key-hint" className="mt-2 text-sm text-slate-700">
        The API key ID alone is not the key: a key is <code className="font-mono">SG.</code>, the ID, a dot, then the secret
        shown once when the key was created (69 characters in all). Pasting only the ID gets a 401.
      </p>
    </section>
  );
}
