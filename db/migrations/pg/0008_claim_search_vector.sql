-- Claim search from a stored tsvector instead of the 0006 expression index.
-- With the expression index, ranking (ts_rank) and the recheck parsed every
-- matching claim's text again, and the planner fell back to scanning the
-- table when many claims matched. The generated column is computed once per
-- write by the database itself (no trigger, never out of step). The
-- statement is weight A and the quoted text weight B, so the public search
-- can match statements only ('word:A') through the same index.
-- Not in db/schema/*.ts (like claims_search_idx before it): only the search
-- queries read it, by name, and SQLite has its FTS5 table instead.
ALTER TABLE "claims" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, "statement"), 'A') || setweight(to_tsvector('english'::regconfig, "exact"), 'B')) STORED;
--> statement-breakpoint
DROP INDEX IF EXISTS "claims_search_idx";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "claims_search_vector_idx" ON "claims" USING gin ("search");
