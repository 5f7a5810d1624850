-- Document frequencies of the claims_fts terms, read by claim matching to
-- leave out words found in a large share of all claims: an OR over such a
-- word makes FTS5 score tens of thousands of rows while adding almost nothing
-- to bm25. fts5vocab reads claims_fts's own index: no copy, never stale.
CREATE VIRTUAL TABLE `claims_fts_vocab` USING fts5vocab('claims_fts', 'row');
