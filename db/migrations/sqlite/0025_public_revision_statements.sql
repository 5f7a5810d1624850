-- Public search asks, for every claim whose statement has a word, whether that
-- statement is the one its published revision carries (a revision awaiting
-- approval must not be found by its new words). This index answers it without
-- reading the verdict rows (their rationale and all): from the id to the
-- statement (at most 120 characters), for public revisions only. Not in the
-- drizzle schema, as on Postgres (where it is a covering index drizzle cannot
-- declare), so both schema files stay alike.
CREATE INDEX IF NOT EXISTS `verdicts_public_statement_idx` ON `verdicts` (`id`, `statement`) WHERE `withdrawn_reason` IS NULL;
