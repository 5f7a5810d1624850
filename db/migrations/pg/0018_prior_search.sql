-- Full-text search over prior fact-checks for "already checked elsewhere" in claim matching: a stored tsvector
-- (claim weight A, claimant weight B) and its GIN index, as claims.search (0008). Not in db/schema/*.ts: only
-- the search query reads it.
ALTER TABLE "prior_fact_checks" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("claim", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("claimant", '')), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "prior_fact_checks_search_idx" ON "prior_fact_checks" USING gin ("search");
