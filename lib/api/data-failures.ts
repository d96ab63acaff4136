import type { Failure } from "@/lib/data/result";
import { apiError, errors, type ApiResponse } from "./responses";

export const UNASSIGNABLE_SCOPES = "invalid or unassignable scopes were given";
export const KEY_LIMIT_REACHED = "Cannot create more than 100 API Keys";
export const MISSING_ARGUMENT = "missing required argument";

// lib/data speaks for the page (messages meant for a form); the API answers in SendGrid's words.
export function failureResponse(failure: Failure): ApiResponse {
  switch (failure.code) {
    case "unassignable":
      return apiError(400, UNASSIGNABLE_SCOPES, "scopes");
    case "invalid": {
      if (failure.fieldErrors?.scopes) return apiError(400, UNASSIGNABLE_SCOPES, "scopes");
      const [field, messages] = Object.entries(failure.fieldErrors ?? {})[0] ?? [null, [failure.message]];
      return apiError(400, messages[0] ?? failure.message, field === "billingEmail" ? "billing_email" : field);
    }
    case "limit":
      return apiError(403, KEY_LIMIT_REACHED);
    case "forbidden":
      return errors.forbidden();
    case "not_found":
      return errors.notFound();
    case "unauthenticated":
      return errors.unauthorized();
    case "busy":
      return errors.busy();
  }
}
