/** "N of 100 keys", which turns into a warning once the limit is near. */
export function KeyCount({ count, limit, nearLimit }: { count: number; limit: number; nearLimit: number }) {
  if (count >= limit) {
    return <p className="rounded-md bg-red-50 px-3 py-1 text-sm font-medium text-red-800">{count} of {limit} keys · delete a key to create another</p>;
  }
  if (count >= nearLimit) {
    return (
      <p className="rounded-md bg-amber-50 px-3 py-1 text-sm font-medium text-amber-900">
        <span aria-hidden="true">⚠ </span>
        {count} of {limit} keys · Warning: only {limit - count} left
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-600">
      {count} of {limit} keys
    </p>
  );
}
