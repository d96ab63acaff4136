import { getBillingProfile, updateBillingProfile, type BillingProfileDTO } from "@/lib/data/billing";
import { failureResponse, MISSING_ARGUMENT } from "./data-failures";
import { apiError, json } from "./responses";
import type { RouteHandler } from "./route-handler";

const profileBody = (profile: BillingProfileDTO) => ({ plan: profile.plan, billing_email: profile.billingEmail });

// GET /v3/billing/profile → {"plan","billing_email"}.
export const getBillingProfileRoute: RouteHandler = async ({ ctx }) => {
  const result = await getBillingProfile(ctx);
  return result.ok ? json(200, profileBody(result.data)) : failureResponse(result);
};

// PATCH /v3/billing/profile {"billing_email"} → the updated profile.
export const updateBillingProfileRoute: RouteHandler = async ({ ctx, body }) => {
  if (body.billing_email === undefined) return apiError(400, MISSING_ARGUMENT, "billing_email");
  const result = await updateBillingProfile(ctx, { billingEmail: body.billing_email });
  return result.ok ? json(200, profileBody(result.data)) : failureResponse(result);
};
