import type { AuditFilter } from "@/db/queries/audit";
import type { AuditSearch } from "./audit-log";

type Params = Record<string, string | string[] | undefined>;
const one = (p: Params, k: string) => (Array.isArray(p[k]) ? p[k]![0] : p[k])?.slice(0, 100) || undefined;
const day = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined);

/** URL → audit filter; "to" is inclusive of that whole UTC day. Bad values are ignored, not errors. */
export function parseAuditSearch(params: Params): { search: AuditSearch; filter: AuditFilter } {
  const search: AuditSearch = {
    user: one(params, "user"),
    action: one(params, "action") && /^[a-z_]+\.([a-z_]+)?$/.test(one(params, "action")!) ? one(params, "action") : undefined,
    from: day(one(params, "from")),
    to: day(one(params, "to")),
    page: Math.max(1, Math.min(10_000, Number.parseInt(one(params, "page") ?? "1", 10) || 1)),
  };
  const filter: AuditFilter = {
    actorId: search.user,
    action: search.action,
    from: search.from ? new Date(`${search.from}T00:00:00Z`) : undefined,
    to: search.to ? new Date(Date.parse(`${search.to}T00:00:00Z`) + 86_400_000) : undefined,
    page: search.page,
  };
  return { search, filter };
}
