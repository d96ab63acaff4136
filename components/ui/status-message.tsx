// A polite live region confirming a change ("API key deleted"). It is always rendered, empty
// until there is news: screen readers announce changes to a region they already know, and may
// miss one that appears together with its text.
export function StatusMessage({ message }: { message: string }) {
  return (
    <p role="status" className={message ? "mt-3 rounded-md border border-green-200 bg-green-50 px-4 py-2 text-sm text-green-900 [overflow-wrap:anywhere]" : "sr-only"}>
      {message}
    </p>
  );
}
