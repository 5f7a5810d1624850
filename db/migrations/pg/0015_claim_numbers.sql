ALTER TABLE "claims" ADD COLUMN "number" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "claims" SET "number" = (SELECT count(*) FROM "claims" AS "earlier" WHERE "earlier"."article_id" = "claims"."article_id" AND ("earlier"."created_at" < "claims"."created_at" OR ("earlier"."created_at" = "claims"."created_at" AND "earlier"."id" <= "claims"."id")));
