import { isDatabaseBusy } from "@/lib/db/busy";

export type FailureCode =
  | "unauthenticated"
  | "invalid"
  | "forbidden"
  | "not_found"
  | "limit"
  | "unassignable"
  /** The database is locked by someone else (a backup, another instance): nothing was changed. */
  | "busy";

export interface Failure {
  ok: false;
  code: FailureCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

export type DataResult<T> = { ok: true; data: T } | Failure;

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

export function fail(code: FailureCode, message: string, fieldErrors?: Record<string, string[]>): Failure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** A form that failed its zod schema: each field's messages, and the first message as the summary. */
export function invalidForm(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Failure {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return fail("invalid", issues[0]?.message ?? "Check the form", fieldErrors);
}

// Thrown inside a transaction to roll it back; the data function catches it and returns the failure.
export class DataFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export async function catchFailure<T>(work: () => Promise<DataResult<T>>): Promise<DataResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DataFailure) return error.failure;
    // A transaction that could not get the lock in time was rolled back: safe to try again.
    if (isDatabaseBusy(error)) return fail("busy", messages.busy);
    throw error;
  }
}

export const messages = {
  unauthenticated: "Sign in to continue",
  notFound: "API key not found",
  limit: "You have reached the limit of 100 API keys",
  escalation: "You cannot grant permissions you do not have",
  noPermission: "Choose at least one permission",
  busy: "Busy, try again",
} as const;
