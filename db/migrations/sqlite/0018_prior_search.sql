-- Full-text index over prior fact-checks (claim and claimant), for "already checked elsewhere" in claim
-- matching; the same tokenizer as claims_fts. Kept in step by triggers; rows are never edited, only added and
-- removed (undo of an import).
CREATE VIRTUAL TABLE `prior_fact_checks_fts` USING fts5(claim, claimant, content='prior_fact_checks', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `prior_fact_checks_fts_after_insert` AFTER INSERT ON `prior_fact_checks` BEGIN
  INSERT INTO prior_fact_checks_fts(rowid, claim, claimant) VALUES (new.rowid, new.claim, coalesce(new.claimant, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `prior_fact_checks_fts_after_delete` AFTER DELETE ON `prior_fact_checks` BEGIN
  INSERT INTO prior_fact_checks_fts(prior_fact_checks_fts, rowid, claim, claimant) VALUES ('delete', old.rowid, old.claim, coalesce(old.claimant, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `prior_fact_checks_fts_after_update` AFTER UPDATE OF `claim`, `claimant` ON `prior_fact_checks` BEGIN
  INSERT INTO prior_fact_checks_fts(prior_fact_checks_fts, rowid, claim, claimant) VALUES ('delete', old.rowid, old.claim, coalesce(old.claimant, ''));
  INSERT INTO prior_fact_checks_fts(rowid, claim, claimant) VALUES (new.rowid, new.claim, coalesce(new.claimant, ''));
END;
--> statement-breakpoint
INSERT INTO prior_fact_checks_fts(prior_fact_checks_fts) VALUES ('rebuild');
