import { z } from "zod";

/**
 * A BCP 47 language tag ("en", "pt-BR", "zh-Hant"), in its canonical spelling. Checked by the platform's own
 * Intl, which knows the tag grammar; an unknown but well-formed tag is accepted, as BCP 47 allows.
 */
export const languageTag = z
  .string()
  .trim()
  .min(2, "Give a language tag such as en, fr or pt-BR.")
  .max(35, "A language tag is at most 35 characters long.")
  .transform((value, ctx) => {
    try {
      return Intl.getCanonicalLocales(value)[0]!;
    } catch {
      ctx.addIssue({ code: "custom", message: `“${value}” is not a language tag. Use a tag such as en, fr or pt-BR.` });
      return z.NEVER;
    }
  });
