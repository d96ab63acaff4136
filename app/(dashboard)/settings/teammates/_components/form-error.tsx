export function levelsErrorOf(errors: { levels?: unknown }): string | undefined {
  // "Choose at least one permission" is reported on the levels record as a whole.
  return (errors.levels as { message?: string } | undefined)?.message;
}

export function FormError({ levels, root }: { levels?: string; root?: string }) {
  return (
    <>
      {levels ? <p className="text-sm text-red-700">{levels}</p> : null}
      {root ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {root}
        </p>
      ) : null}
    </>
  );
}
