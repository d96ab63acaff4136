"use client";

export interface Problem {
  /** The id of the field (or group) to fix: the summary links to it. None for a form-wide problem. */
  fieldId?: string;
  message: string;
}

// The form's problems, at its top where the person is looking after pressing submit, each a
// link that moves focus to its field. role="alert" announces it when it appears.
export function ErrorSummary({ id, problems }: { id: string; problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div id={id} role="alert" tabIndex={-1} className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-semibold">{problems.length === 1 ? "There is a problem" : `There are ${problems.length} problems`}</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((problem) => (
          <li key={`${problem.fieldId}:${problem.message}`}>
            {problem.fieldId ? <ProblemLink fieldId={problem.fieldId} message={problem.message} /> : problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProblemLink({ fieldId, message }: { fieldId: string; message: string }) {
  return (
            <a
              href={`#${fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(fieldId)?.focus();
              }}
              className="inline-block py-0.5 underline underline-offset-2 [overflow-wrap:anywhere]"
            >
              {message}
            </a>
  );
}
