import { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, hasNoControlCharacters } from "./text";

// Shared by Settings › Billing (client and server action), the data layer and PATCH /v3/billing/profile.
export const billingEmailSchema = z
  .string({ error: "Enter a billing e-mail address" })
  .trim()
  .max(254, "Use at most 254 characters")
  .refine(hasNoControlCharacters, CONTROL_CHARACTERS_MESSAGE)
  .pipe(z.email("Enter a valid e-mail address"));

export const billingProfileFormSchema = z.object({ billingEmail: billingEmailSchema });

export type BillingProfileFormInput = z.input<typeof billingProfileFormSchema>;
