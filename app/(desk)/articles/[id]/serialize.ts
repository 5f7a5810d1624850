import type { Serialized } from "@/components/annotation/types";

/**
 * Dates → ISO strings, recursively, so server data keeps one shape whether it
 * arrives as page props or from a server action (and sits in the query cache).
 */
export function serialize<T>(value: T): Serialized<T> {
  if (value instanceof Date) return value.toISOString() as Serialized<T>;
  if (Array.isArray(value)) return value.map((v) => serialize(v)) as Serialized<T>;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialize(v)])) as Serialized<T>;
  }
  return value as Serialized<T>;
}
