-- Full-text index over claims for matching the same claim across articles.
-- An expression index (not a stored column) is always in step with writes and
-- needs no trigger; queries must use exactly this expression to hit it.
CREATE INDEX IF NOT EXISTS "claims_search_idx" ON "claims" USING gin (to_tsvector('english'::regconfig, "statement" || ' ' || "exact"));
