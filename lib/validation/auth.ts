/**
 * The sign-in and first set-up forms. Their actions answer anonymous callers,
 * so they parse these themselves (server/action.ts's action() needs a
 * session) with the same plain messages.
 */
import { z } from "zod";
import { tooLong } from "./messages";

export const loginSchema = z.object({
  email: z.email("Enter a valid email address.").max(254, tooLong("An email address")),
  password: z.string().min(1, "Enter your password.").max(200, tooLong("A password")),
  next: z.string().optional(),
});

export const setupSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(120, tooLong("A name")),
    email: z.email("Enter a valid email address.").max(254, tooLong("An email address")),
    password: z.string().min(12, "Use at least 12 characters for the password.").max(200, tooLong("A password")),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ.", path: ["confirm"] });
