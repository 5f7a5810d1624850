/**
 * What the source archiver may do, from the environment. Operators can turn
 * archiving off (a newsroom that must not copy third-party pages), let it
 * reach named internal hosts (tests, intranet sources) and cap what it stores.
 * Read here rather than in server/env.ts so the archiver and its tests build a
 * policy without the whole app's environment.
 */
import { z } from "zod";
import { DEFAULT_POLICY, parseHostRules, type FetchPolicy } from "@/server/fetch/fetch-policy";

const MB = 1024 * 1024;

export type ArchivePolicy = {
  /** ARCHIVE=off: nothing is fetched; citations are recorded as "disabled" / "not-checked". */
  enabled: boolean;
  /** How one page is fetched: the import's SSRF rules, PDFs accepted, maxBytes = the per-snapshot cap. */
  fetch: FetchPolicy;
  /** Bytes all stored snapshots may take together; a capture that would pass it stores nothing. */
  totalMaxBytes: number;
};

// An empty variable (`ARCHIVE=` in a compose file) means "not set", not an invalid value.
const unset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const bytes = (fallback: number) => z.preprocess(unset, z.coerce.number().int().min(1).default(fallback));

const schema = z.object({
  ARCHIVE: z.preprocess((v) => (typeof unset(v) === "string" ? (v as string).trim().toLowerCase() : undefined), z.enum(["on", "off"]).default("on")),
  /** Same syntax as IMPORT_ALLOW_HOSTS ("127.0.0.1:3320, intranet.example"); off by default. */
  ARCHIVE_ALLOW_HOSTS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseHostRules(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message.replace(/^IMPORT_ALLOW_HOSTS: /, "") });
        return z.NEVER;
      }
    }),
  /** Largest page or PDF archived (after decompression): reports run to a few MB; 10 MB leaves room. */
  ARCHIVE_MAX_BYTES: bytes(10 * MB),
  /** All snapshots together: a disk budget the operator chooses (2 GB by default). */
  ARCHIVE_TOTAL_MAX_BYTES: bytes(2 * 1024 * MB),
});

/** The archive policy from `env`; throws a message naming the variable when a value is invalid. */
export function archivePolicyFromEnv(env: Record<string, string | undefined> = process.env): ArchivePolicy {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid archive settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  return {
    enabled: e.ARCHIVE === "on",
    fetch: { ...DEFAULT_POLICY, allowHosts: e.ARCHIVE_ALLOW_HOSTS, maxBytes: e.ARCHIVE_MAX_BYTES, extraTypes: ["application/pdf"] },
    totalMaxBytes: e.ARCHIVE_TOTAL_MAX_BYTES,
  };
}
