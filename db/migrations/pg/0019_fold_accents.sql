-- Accents folded in the full-text vectors, as SQLite's FTS5 index does (remove_diacritics 2): "cafe" finds
-- "café" on both databases. The query side folds the same way (lib/claim-matching/text.ts). translate(), not the
-- unaccent extension, which needs a superuser to install and is not immutable, as a generated column requires.
DROP INDEX IF EXISTS "claims_search_vector_idx";
--> statement-breakpoint
ALTER TABLE "claims" DROP COLUMN IF EXISTS "search";
--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, translate("statement", 'áàâäãåāăąéèêëēėęěíìîïīįóòôöõøōőúùûüūůűųçćčñńňýÿśšşźżžłđÁÀÂÄÃÅĀĂĄÉÈÊËĒĖĘĚÍÌÎÏĪĮÓÒÔÖÕØŌŐÚÙÛÜŪŮŰŲÇĆČÑŃŇÝŸŚŠŞŹŻŽŁĐ', 'aaaaaaaaaeeeeeeeeiiiiiioooooooouuuuuuuucccnnnyyssszzzldAAAAAAAAAEEEEEEEEIIIIIIOOOOOOOOUUUUUUUUCCCNNNYYSSSZZZLD')), 'A') || setweight(to_tsvector('english'::regconfig, translate("exact", 'áàâäãåāăąéèêëēėęěíìîïīįóòôöõøōőúùûüūůűųçćčñńňýÿśšşźżžłđÁÀÂÄÃÅĀĂĄÉÈÊËĒĖĘĚÍÌÎÏĪĮÓÒÔÖÕØŌŐÚÙÛÜŪŮŰŲÇĆČÑŃŇÝŸŚŠŞŹŻŽŁĐ', 'aaaaaaaaaeeeeeeeeiiiiiioooooooouuuuuuuucccnnnyyssszzzldAAAAAAAAAEEEEEEEEIIIIIIOOOOOOOOUUUUUUUUCCCNNNYYSSSZZZLD')), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "claims_search_vector_idx" ON "claims" USING gin ("search");
--> statement-breakpoint
DROP INDEX IF EXISTS "prior_fact_checks_search_idx";
--> statement-breakpoint
ALTER TABLE "prior_fact_checks" DROP COLUMN IF EXISTS "search";
--> statement-breakpoint
ALTER TABLE "prior_fact_checks" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, translate(coalesce("claim", ''), 'áàâäãåāăąéèêëēėęěíìîïīįóòôöõøōőúùûüūůűųçćčñńňýÿśšşźżžłđÁÀÂÄÃÅĀĂĄÉÈÊËĒĖĘĚÍÌÎÏĪĮÓÒÔÖÕØŌŐÚÙÛÜŪŮŰŲÇĆČÑŃŇÝŸŚŠŞŹŻŽŁĐ', 'aaaaaaaaaeeeeeeeeiiiiiioooooooouuuuuuuucccnnnyyssszzzldAAAAAAAAAEEEEEEEEIIIIIIOOOOOOOOUUUUUUUUCCCNNNYYSSSZZZLD')), 'A') || setweight(to_tsvector('english'::regconfig, translate(coalesce("claimant", ''), 'áàâäãåāăąéèêëēėęěíìîïīįóòôöõøōőúùûüūůűųçćčñńňýÿśšşźżžłđÁÀÂÄÃÅĀĂĄÉÈÊËĒĖĘĚÍÌÎÏĪĮÓÒÔÖÕØŌŐÚÙÛÜŪŮŰŲÇĆČÑŃŇÝŸŚŠŞŹŻŽŁĐ', 'aaaaaaaaaeeeeeeeeiiiiiioooooooouuuuuuuucccnnnyyssszzzldAAAAAAAAAEEEEEEEEIIIIIIOOOOOOOOUUUUUUUUCCCNNNYYSSSZZZLD')), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "prior_fact_checks_search_idx" ON "prior_fact_checks" USING gin ("search");
