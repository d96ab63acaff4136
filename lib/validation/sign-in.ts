import { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, hasNoControlCharacters } from "./text";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .refine(hasNoControlCharacters, CONTROL_CHARACTERS_MESSAGE)
    .pipe(z.email("Enter a valid e-mail address")),
  password: z.string().min(1, "Enter your password").max(200),
});

export type SignInInput = z.infer<typeof signInSchema>;
