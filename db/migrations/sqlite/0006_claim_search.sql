-- Full-text index over claims for matching the same claim across articles.
-- External-content FTS5 (no second copy of the text), kept in step with every
-- write by triggers, so no code path can forget it. Porter stemming lets
-- "interacts" find "interact"; diacritics are folded.
CREATE VIRTUAL TABLE `claims_fts` USING fts5(statement, exact, content='claims', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `claims_fts_after_insert` AFTER INSERT ON `claims` BEGIN
  INSERT INTO claims_fts(rowid, statement, exact) VALUES (new.rowid, new.statement, new.exact);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_after_delete` AFTER DELETE ON `claims` BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, statement, exact) VALUES ('delete', old.rowid, old.statement, old.exact);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_after_update` AFTER UPDATE OF `statement`, `exact` ON `claims` BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, statement, exact) VALUES ('delete', old.rowid, old.statement, old.exact);
  INSERT INTO claims_fts(rowid, statement, exact) VALUES (new.rowid, new.statement, new.exact);
END;
--> statement-breakpoint
INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
