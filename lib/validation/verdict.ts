/**
 * What a proposed verdict may contain. The server action validates with this
 * schema (the authority); the editor runs the same schema first so a reviewer
 * sees field errors without a round trip.
 */
import { z } from "zod";
import { completeWebAddress } from "@/lib/web-address";
import { tooLong, tooMany } from "./messages";
import { idSchema } from "./ids";

export const STANCES = ["supports", "refutes", "context"] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_LABELS: Record<Stance, string> = { supports: "Supports", refutes: "Refutes", context: "Context" };

export const CITATION_KINDS = ["study", "agency", "news", "expert", "other"] as const;
export type CitationKind = (typeof CITATION_KINDS)[number];
export const KIND_LABELS: Record<CitationKind, string> = { study: "Study", agency: "Agency", news: "News", expert: "Expert", other: "Other" };

export const MAX_CITATIONS = 30;
export const MAX_RATIONALE = 20_000;
export const MAX_CORRECTION_NOTE = 1000;
/** Editors expect corroboration; fewer than this gets a warning, never a refusal. */
export const RECOMMENDED_CITATIONS = 2;

const httpUrl = z
  .string()
  .trim()
  .min(1, "Enter the web address of the source.")
  .max(2048, tooLong("A web address"))
  // "doi.org/10.1/x" means https://doi.org/10.1/x; other schemes stay as typed and are refused.
  .transform(completeWebAddress)
  .pipe(
    z.url({
      protocol: z.regexes.httpProtocol,
      // A named host or an IPv4 address (some agencies publish from bare addresses); "localhost" and other one-word names are no address readers can open.
      hostname: new RegExp(`${z.regexes.domain.source}|${z.regexes.ipv4.source}`),
      error: "Enter a full web address starting with http:// or https://, such as https://example.org/report.",
    }),
  );

/** Optional text: blank becomes null, as the database stores it. */
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong(`The ${what}`))
    .nullish()
    .transform((v) => v || null);

export const citationSchema = z.object({
  url: httpUrl,
  title: z.string().trim().min(1, "Give the source a title.").max(300, tooLong("The title")),
  publisher: optionalText(200, "publisher"),
  publishedOn: optionalText(40, "date"),
  quote: optionalText(5000, "quoted passage"),
  /** Where in the source the quote is ("p. 12", "at 12:34"): a report or a recording is cited by page or moment. */
  locator: optionalText(100, "page or place in the source"),
  stance: z.enum(STANCES, "Choose whether the source supports, refutes or gives context."),
  kind: z.enum(CITATION_KINDS).default("other"),
  // Optional: blank means none (a union with "" would hide the address's own message behind a generic one).
  archiveUrl: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(httpUrl.nullable()),
});

export const proposeVerdictSchema = z.object({
  claimId: idSchema,
  claimVersion: z.int().min(1),
  ratingId: z.string().min(1, "Choose a rating.").max(64),
  rationale: z.string().trim().min(1, "Write the rationale.").max(MAX_RATIONALE, tooLong("The rationale")),
  citations: z
    .array(citationSchema)
    .min(1, "Add at least one citation; a verdict needs evidence.")
    .max(MAX_CITATIONS, tooMany("A verdict", "citations")),
  /** Needed once the article is published (the server decides); shown to readers as a dated correction. */
  correctionNote: z
    .string()
    .trim()
    .max(MAX_CORRECTION_NOTE, tooLong("The correction note"))
    .optional()
    .transform((v) => v || null),
});

export type ProposeVerdictInput = z.input<typeof proposeVerdictSchema>;

/** What the citation rows hold while being edited (all strings, as form fields are). */
export type CitationDraft = {
  key: string;
  url: string;
  title: string;
  publisher: string;
  publishedOn: string;
  quote: string;
  locator: string;
  stance: Stance | "";
  kind: CitationKind;
  archiveUrl: string;
};
