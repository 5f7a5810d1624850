import { randomBytes } from "node:crypto";

/** Opaque, URL-safe, sortable-enough ids: a time prefix keeps inserts roughly ordered. */
export function newId(): string {
  return Date.now().toString(36).padStart(9, "0") + randomBytes(8).toString("base64url");
}
