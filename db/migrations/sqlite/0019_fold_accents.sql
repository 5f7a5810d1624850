-- Nothing to do on SQLite: its FTS5 indexes fold accents already (remove_diacritics 2). The Postgres migration of
-- the same number folds them in the tsvectors.
SELECT 1;
