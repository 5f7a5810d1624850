/**
 * What every server action says about bad input, read as a person would:
 * plain words, never an internal field path ("content: …", "citations.0.url: …"),
 * and a limit that was passed is stated. Every exported action of every
 * "use server" module is covered: actions built with action() are found by
 * their schema (actionSchema), the few that parse FormData themselves are
 * listed below with theirs, and an action in neither place fails the test.
 *
 * Inputs are generated from each schema (testing/bad-inputs.ts: a field
 * missing, of the wrong type, one past its limit) and refused exactly as the
 * action refuses them (parseInput + invalidInput), without a database or a
 * session: validation is the whole of what is being checked.
 */
import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { loginSchema, setupSchema } from "@/lib/validation/auth";
import { importFileSchema, previewSchema } from "@/lib/validation/import";
import { count, parseInput } from "@/lib/validation/messages";
import { importCheckSchema } from "@/lib/validation/prior-fact-checks";
import { badInputs } from "@/testing/bad-inputs";
import { actionSchema, invalidInput } from "./action";

/** Actions that parse their own input (anonymous callers, FormData), or take none. */
const SELF_PARSED: Record<string, z.ZodType | "no input"> = {
  "app/(auth)/actions.ts#loginAction": loginSchema,
  "app/(auth)/actions.ts#setupAction": setupSchema,
  "app/(auth)/actions.ts#oidcLoginAction": "no input",
  "app/(auth)/actions.ts#signOutAction": "no input",
  "app/(desk)/articles/new/actions.ts#previewFileAction": importFileSchema,
  "app/(desk)/admin/check-import/actions.ts#previewCheckExportAction": importFileSchema,
  "app/(desk)/admin/check-import/actions.ts#importCheckExportAction": importCheckSchema,
};

/** A field path in front of a message: "content: ", "citations.0.url: ", "blocks[3]: ". */
const FIELD_PREFIX = /\b[a-zA-Z_.[\]0-9]+: /;

function serverActionFiles(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverActionFiles(file);
    return /\.tsx?$/.test(entry.name) && /^["']use server["']/.test(fs.readFileSync(file, "utf8").trimStart()) ? [file] : [];
  });
}

async function actionSchemas(): Promise<Map<string, z.ZodType | "no input">> {
  const out = new Map<string, z.ZodType | "no input">();
  for (const file of serverActionFiles()) {
    const exports = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(exports)) {
      const ref = `${file}#${name}`;
      const schema = actionSchema(fn) ?? SELF_PARSED[ref];
      if (!schema) throw new Error(`${ref} is neither built with action() nor listed in SELF_PARSED: what does it say about bad input?`);
      out.set(ref, schema);
    }
  }
  return out;
}

describe("validation messages of every server action", () => {
  it("never show a field path and state every limit that was passed", { timeout: 120_000 }, async () => {
    const schemas = await actionSchemas();
    expect(schemas.size).toBeGreaterThan(30);
    const problems: string[] = [];
    let refusals = 0;
    for (const [ref, schema] of schemas) {
      if (schema === "no input") continue;
      for (const bad of badInputs(schema)) {
        const parsed = parseInput(schema, bad.value);
        if (parsed.success) continue;
        const refusal = invalidInput(parsed.error);
        refusals++;
        const messages = [refusal.error, ...Object.values(refusal.fieldErrors ?? {}).flat()];
        for (const m of messages) if (FIELD_PREFIX.test(m)) problems.push(`${ref} (${bad.what}): "${m}"`);
        if (bad.limit !== undefined) {
          const here = (refusal.fieldErrors as Record<string, string[]>)[bad.path.join(".")] ?? [];
          if (!here.some((m) => m.includes(count(bad.limit!)))) problems.push(`${ref} (${bad.what} at ${bad.path.join(".")}): no limit ${count(bad.limit)} in ${JSON.stringify(here)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(refusals).toBeGreaterThan(200);
  });

  it("say how long a 5 MB paste is and how long it may be", () => {
    const parsed = parseInput(previewSchema, { source: "paste", format: "text", content: "x".repeat(5 * 1024 * 1024) });
    expect(parsed.success).toBe(false);
    expect(invalidInput(parsed.error!).error).toBe("Pasted text can be at most 3,000,000 characters; yours has 5,242,880.");
  });

  it("complete a web address typed without https:// and refuse other schemes in plain words", () => {
    expect(parseInput(previewSchema, { source: "url", url: " example.org/a " }).data).toEqual({ source: "url", url: "https://example.org/a" });
    for (const url of ["ftp://example.org/a", "mailto:desk@example.org", "javascript:alert(1)"]) {
      const parsed = parseInput(previewSchema, { source: "url", url });
      expect(parsed.success, url).toBe(false);
      expect(invalidInput(parsed.error!).error).toMatch(/^Enter a full web address starting with http:\/\/ or https:\/\//);
    }
  });
});
