import { ErrorSummary, type Problem } from "@/components/ui/error-summary";

export const TEAMMATE_PROBLEMS_ID = "teammate-form-problems";
export const INVITE_EMAIL_ID = "invite-email";

export function levelsErrorOf(errors: { levels?: unknown }): string | undefined {
  // "Choose at least one permission" is reported on the levels record as a whole.
  return (errors.levels as { message?: string } | undefined)?.message;
}

/** Moves focus to the first problem once the summary has rendered: the e-mail field, else the summary. */
export function focusFirstTeammateProblem(errors: { email?: unknown }): void {
  requestAnimationFrame(() => document.getElementById(errors.email ? INVITE_EMAIL_ID : TEAMMATE_PROBLEMS_ID)?.focus());
}

// The teammate forms' problems, in a summary at their top where the person is looking.
export function FormError({ email, levels, root }: { email?: string; levels?: string; root?: string }) {
  const problems: Problem[] = [
    ...(email ? [{ fieldId: INVITE_EMAIL_ID, message: email }] : []),
    ...(levels ? [{ message: levels }] : []),
    ...(root ? [{ message: root }] : []),
  ];
  return <ErrorSummary id={TEAMMATE_PROBLEMS_ID} problems={problems} />;
}
