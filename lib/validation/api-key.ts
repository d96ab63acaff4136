import { z } from "zod";
import { expiryChoices } from "@/lib/keys/expiry";
import { categoriesFor, offeredLevels } from "@/lib/permissions/catalog";
import { CONTROL_CHARACTERS_MESSAGE, hasNoControlCharacters, isWellFormedText, MALFORMED_TEXT_MESSAGE } from "./text";

// Shared by the page's form (client and server action), the data layer and the /v3 API.
export const API_KEY_LIMIT = 100;
export const API_KEY_NAME_MAX = 100;

export const apiKeyNameSchema = z
  .string({ error: "Enter a name for the API key" })
  .trim()
  .min(1, "Enter a name for the API key")
  .max(API_KEY_NAME_MAX, `Use at most ${API_KEY_NAME_MAX} characters`)
  .refine(hasNoControlCharacters, CONTROL_CHARACTERS_MESSAGE)
  .refine(isWellFormedText, MALFORMED_TEXT_MESSAGE);

export const keyTypeSchema = z.enum(["general", "billing"]);

export const scopeListSchema = z.array(z.string().max(200).refine(hasNoControlCharacters)).max(1000);

export const apiKeyIdSchema = z.string().min(1).max(64).refine(hasNoControlCharacters);

export const categoryLevelSchema = z.enum(["none", "read", "full", "custom"]);

// The form works in categories: "Full Access" for a general key means every general scope;
// "Restricted Access" (and every billing key) picks a level per category.
// Strict: a crafted request carrying more (accountId, secretHash, scopes...) is refused outright
// rather than quietly stripped, so such a request changes nothing at all.
export const apiKeyFormSchema = z
  .strictObject({
    name: apiKeyNameSchema,
    type: keyTypeSchema,
    access: z.enum(["full", "restricted"]),
    levels: z.record(z.string().max(64), categoryLevelSchema),
    // Chosen when creating only; an edit leaves a key's expiry as it is.
    expiry: z.enum(expiryChoices).optional(),
    expiryDate: z.string().max(10).optional(),
  })
  .refine((form) => form.expiry !== "date" || /^\d{4}-\d{2}-\d{2}$/.test(form.expiryDate ?? ""), {
    path: ["expiryDate"],
    message: "Enter the date the key expires",
  })
  .refine(
    // Each level must be one the category offers ("custom" keeps what the key already holds).
    (form) =>
      categoriesFor(form.type).every((category) => {
        const level = form.levels[category.id] ?? "none";
        return level === "custom" || offeredLevels(category).includes(level);
      }),
    { path: ["levels"], message: "Choose one of the offered access levels" },
  )
  .refine(
    (form) =>
      (form.type === "general" && form.access === "full") ||
      Object.values(form.levels).some((level) => level !== "none"),
    { path: ["levels"], message: "Choose at least one permission" },
  );

export type ApiKeyFormInput = z.input<typeof apiKeyFormSchema>;
export type ApiKeyFormValues = z.output<typeof apiKeyFormSchema>;
