/**
 * Bad inputs for a zod schema, generated from its JSON Schema (input side):
 * a plausible base value, then one thing wrong at a time: a field missing,
 * a field of the wrong type, a string, array or number one past its limit.
 * Used to check what every server action says about bad input
 * (server/action-messages.test.ts) without writing inputs by hand.
 */
import { z } from "zod";

type Json = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: Json[];
  oneOf?: Json[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  default?: unknown;
};

export type BadInput = {
  value: unknown;
  /** Where the fault is (zod's issue path). */
  path: (string | number)[];
  /** The limit passed, for one-past-the-limit faults. */
  limit?: number;
  what: string;
};

const options = (s: Json): Json[] => (s.anyOf ?? s.oneOf ?? []).filter((o) => o.type !== "null");
const typeOf = (s: Json): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type);

/** A value the schema would most likely accept. */
export function sample(s: Json): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf || s.oneOf) return sample(options(s)[0] ?? {});
  switch (typeOf(s)) {
    case "object":
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v)]));
    case "array":
      return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => sample(s.items ?? {}));
    case "string":
      if (s.format === "email") return "someone@example.org";
      if (s.format === "uri") return "https://example.org/page";
      return "a".repeat(Math.max(1, s.minLength ?? 0));
    case "integer":
    case "number":
      return Math.max(1, s.minimum ?? 1);
    case "boolean":
      return true;
    default:
      return "a";
  }
}

function* faults(s: Json, path: (string | number)[]): Generator<BadInput> {
  if (s.anyOf || s.oneOf) {
    for (const option of options(s)) yield* faults(option, path);
    return;
  }
  const type = typeOf(s);
  if (s.const !== undefined || s.enum) {
    yield { value: "not-an-option", path, what: "unknown option" };
    return;
  }
  switch (type) {
    case "object": {
      const base = sample(s) as Record<string, unknown>;
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(key)) yield { value: { ...base, [key]: undefined }, path: [...path, key], what: `missing ${key}` };
        for (const f of faults(prop, [...path, key])) yield { ...f, value: { ...base, [key]: f.value } };
      }
      yield { value: "not an object", path, what: "not an object" };
      return;
    }
    case "array": {
      const item = sample(s.items ?? {});
      if (s.maxItems !== undefined) yield { value: Array.from({ length: s.maxItems + 1 }, () => item), path, limit: s.maxItems, what: "one item too many" };
      for (const f of faults(s.items ?? {}, [...path, 0])) yield { ...f, value: [f.value] };
      yield { value: "not a list", path, what: "not a list" };
      return;
    }
    case "string":
      if (s.maxLength !== undefined) yield { value: "x".repeat(s.maxLength + 1), path, limit: s.maxLength, what: "one character too many" };
      yield { value: 42, path, what: "a number instead of text" };
      return;
    case "integer":
    case "number":
      if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) yield { value: s.maximum + 1, path, limit: s.maximum, what: "one past the maximum" };
      yield { value: "many", path, what: "text instead of a number" };
      return;
    case "boolean":
      yield { value: "yes", path, what: "text instead of true/false" };
      return;
    default:
      yield { value: Symbol("nothing a form sends"), path, what: "an unexpected value" };
  }
}

/** Every one-fault input of `schema`, plus an empty input. */
export function badInputs(schema: z.ZodType): BadInput[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return [{ value: undefined, path: [], what: "nothing at all" }, { value: {}, path: [], what: "an empty object" }, ...faults(json, [])];
}
