CREATE TABLE "claim_links" (
	"id" text PRIMARY KEY NOT NULL,
	"claim_id" text NOT NULL,
	"matched_claim_id" text NOT NULL,
	"reused_verdict_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"removed_by" text,
	"removed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "dismissed_suggestions" (
	"id" text PRIMARY KEY NOT NULL,
	"article_id" text NOT NULL,
	"version_id" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_matched_claim_id_claims_id_fk" FOREIGN KEY ("matched_claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dismissed_suggestions" ADD CONSTRAINT "dismissed_suggestions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dismissed_suggestions" ADD CONSTRAINT "dismissed_suggestions_version_id_article_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."article_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dismissed_suggestions" ADD CONSTRAINT "dismissed_suggestions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_links_claim_idx" ON "claim_links" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "claim_links_matched_idx" ON "claim_links" USING btree ("matched_claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dismissed_suggestions_span_idx" ON "dismissed_suggestions" USING btree ("version_id","start","end");--> statement-breakpoint
CREATE INDEX "dismissed_suggestions_article_idx" ON "dismissed_suggestions" USING btree ("article_id");