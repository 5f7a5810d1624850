-- Public search asks, for every claim whose statement has a word, whether that
-- statement is the one its published revision carries (a revision awaiting
-- approval must not be found by its new words). That reads one verdict per
-- matching claim; for a common word, thousands, and the planner then scans
-- every verdict (its rationale and all). This index answers it alone, from
-- the id to the statement (at most 120 characters), for public revisions only.
-- Not in the drizzle schema: drizzle cannot declare INCLUDE columns.
CREATE INDEX IF NOT EXISTS "verdicts_public_statement_idx" ON "verdicts" USING btree ("id") INCLUDE ("statement") WHERE "withdrawn_reason" IS NULL;
