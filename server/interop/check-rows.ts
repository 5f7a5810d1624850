/**
 * The rows of a Check workspace export (../shared/formats/meedan-check-export.md), one reader per kind of file.
 * Columns are found by their header, whatever their order; extra columns are reported, missing optional ones
 * read as empty, and a missing required one makes the whole file unreadable. Each row becomes a record or a
 * reason it cannot be read.
 */
import { httpUrlOrNull } from "@/lib/claimreview";

export type CheckRole = "admin" | "editor" | "collaborator";
export type CheckUser = { name: string; email: string; role: CheckRole; joinedAt: string | null };
export type CheckFactCheck = { checkId: string | null; title: string; summary: string; url: string | null; language: string | null; status: string | null };
export type CheckExplainer = { checkId: string | null; title: string; description: string; url: string | null; language: string | null };
export type CheckItem = { checkId: string | null; title: string; description: string; createdAt: string | null; tags: string[]; status: string | null; source: string | null; mediaType: string | null; mediaData: string | null };

export type FileKind = "workspace" | "users" | "articles" | "factChecks" | "explainers" | "items";
export type RowReason = { row: number; reason: string };

/** A header cell as a key: "Joined data" → "joined data", "Imported?" → "imported". */
export const columnKey = (header: string) =>
  header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The columns each kind of file is read by (keys as columnKey gives them), the required ones first. */
export const COLUMNS: Record<FileKind, { required: string[]; optional: string[] }> = {
  workspace: { required: ["name"], optional: ["url", "created at", "last activity", "number of users", "number of items", "active whatsapp integration", "active non whatsapp integration", "enabled tipline", "active api", "last access non meedian"] },
  users: { required: ["email", "role"], optional: ["name", "joined data", "joined date", "last access date"] },
  articles: { required: ["title"], optional: ["id", "summary", "url", "language", "report status", "imported"] },
  factChecks: { required: ["title"], optional: ["id", "summary", "url", "language", "report status", "imported"] },
  explainers: { required: ["title"], optional: ["id", "description", "url", "language"] },
  items: { required: ["status"], optional: ["id", "title", "description", "creation date", "tags", "source", "media type", "media data"] },
};

const RUBY_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(UTC|Z|[+-]\d{2}:?\d{2})?$/;

/** "2024-03-05 14:02:11 UTC" (as Ruby prints a time) → an ISO instant; empty → null; anything else → undefined (unreadable). */
export function checkTime(value: string): string | null | undefined {
  const v = value.trim();
  if (!v) return null;
  const m = RUBY_TIME.exec(v);
  if (!m) return undefined;
  const zone = !m[7] || m[7] === "UTC" || m[7] === "Z" ? "Z" : m[7].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

const text = (v: string | undefined, max: number) => (v ?? "").replace(/\s+/g, " ").trim().slice(0, max);
const orNull = (v: string) => v || null;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A web address the desk may link to: http(s) only. Empty is fine (null); anything else is a reason. */
function link(value: string | undefined): { url: string | null } | { reason: string } {
  const v = text(value, 2048);
  if (!v) return { url: null };
  const url = httpUrlOrNull(v);
  return url ? { url } : { reason: `“${v.slice(0, 60)}” is not a web address (http or https).` };
}

type Row = Record<string, string>;

export function readUser(row: Row): CheckUser | { reason: string } {
  const email = text(row["email"], 320).toLowerCase();
  if (!email) return { reason: "The member has no email address." };
  if (!EMAIL.test(email)) return { reason: `“${email}” is not an email address.` };
  const role = text(row["role"], 40).toLowerCase();
  if (role !== "admin" && role !== "editor" && role !== "collaborator") return { reason: `The role “${role || "(empty)"}” is not one of Check's (admin, editor, collaborator).` };
  const joined = checkTime(row["joined data"] ?? row["joined date"] ?? "");
  return { name: text(row["name"], 200) || email.split("@")[0]!, email, role, joinedAt: joined ?? null };
}

export function readFactCheck(row: Row): CheckFactCheck | { reason: string } {
  const title = text(row["title"], 500);
  if (!title) return { reason: "The fact-check has no title." };
  const address = link(row["url"]);
  if ("reason" in address) return address;
  return { checkId: orNull(text(row["id"], 64)), title, summary: text(row["summary"], 5000), url: address.url, language: orNull(text(row["language"], 35)), status: orNull(text(row["report status"], 40)) };
}

export function readExplainer(row: Row): CheckExplainer | { reason: string } {
  const title = text(row["title"], 500);
  if (!title) return { reason: "The explainer has no title." };
  const address = link(row["url"]);
  if ("reason" in address) return address;
  return { checkId: orNull(text(row["id"], 64)), title, description: text(row["description"], 5000), url: address.url, language: orNull(text(row["language"], 35)) };
}

export function readItem(row: Row): CheckItem | { reason: string } {
  const title = text(row["title"], 2000);
  const mediaData = text(row["media data"], 5000);
  if (!title && !mediaData) return { reason: "The item has neither a title nor a claim text." };
  const createdAt = checkTime(row["creation date"] ?? "");
  if (createdAt === undefined) return { reason: `The creation date “${text(row["creation date"], 40)}” is not a date.` };
  const tags = [...new Set((row["tags"] ?? "").split(",").map((t) => text(t, 100)).filter(Boolean))].slice(0, 50);
  return {
    checkId: orNull(text(row["id"], 64)),
    title,
    description: text(row["description"], 5000),
    createdAt,
    tags,
    status: orNull(text(row["status"], 100)),
    source: orNull(text(row["source"], 200)),
    mediaType: orNull(text(row["media type"], 60)),
    mediaData: orNull(mediaData),
  };
}
