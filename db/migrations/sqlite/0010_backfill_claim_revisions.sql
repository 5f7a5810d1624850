-- Claimants: every existing claim is credited as before, to the article's
-- author (else its publisher, as an organisation), where the article appeared.
UPDATE claims SET
  claimant_name = (SELECT coalesce(a.author, a.publisher) FROM articles a WHERE a.id = claims.article_id),
  claimant_kind = (SELECT CASE WHEN a.author IS NULL AND a.publisher IS NOT NULL THEN 'organization' ELSE 'person' END FROM articles a WHERE a.id = claims.article_id),
  appearance_url = (SELECT a.source_url FROM articles a WHERE a.id = claims.article_id),
  appearance_date = (SELECT a.source_published_on FROM articles a WHERE a.id = claims.article_id);
--> statement-breakpoint
-- Claims approved before approved_verdict_id was recorded.
UPDATE claims SET approved_verdict_id = current_verdict_id
  WHERE approved_verdict_id IS NULL AND status = 'approved' AND current_verdict_id IS NOT NULL;
--> statement-breakpoint
-- Revisions state the claim as it stands now: the best record there is of what was reviewed.
UPDATE verdicts SET
  statement = (SELECT c.statement FROM claims c WHERE c.id = verdicts.claim_id),
  claimant_name = (SELECT c.claimant_name FROM claims c WHERE c.id = verdicts.claim_id),
  claimant_kind = (SELECT c.claimant_kind FROM claims c WHERE c.id = verdicts.claim_id),
  appearance_url = (SELECT c.appearance_url FROM claims c WHERE c.id = verdicts.claim_id),
  appearance_date = (SELECT c.appearance_date FROM claims c WHERE c.id = verdicts.claim_id);
--> statement-breakpoint
-- What readers saw until now: the approved revision of every included claim of a published article.
UPDATE claims SET published_verdict_id = approved_verdict_id
  WHERE status <> 'excluded' AND approved_verdict_id IS NOT NULL
    AND EXISTS (SELECT 1 FROM publications p WHERE p.article_id = claims.article_id);
