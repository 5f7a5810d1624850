CREATE TABLE "claim_anchors" (
	"id" text PRIMARY KEY NOT NULL,
	"claim_id" text NOT NULL,
	"version_id" text NOT NULL,
	"exact" text NOT NULL,
	"prefix" text NOT NULL,
	"suffix" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"anchor_status" text NOT NULL,
	"anchor_score" double precision NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article_versions" ADD COLUMN "source_html" text;--> statement-breakpoint
ALTER TABLE "article_versions" ADD COLUMN "origin" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "canonical_url" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "claim_anchors" ADD CONSTRAINT "claim_anchors_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_anchors" ADD CONSTRAINT "claim_anchors_version_id_article_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."article_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_anchors" ADD CONSTRAINT "claim_anchors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_anchors_claim_idx" ON "claim_anchors" USING btree ("claim_id","version_id");--> statement-breakpoint
CREATE INDEX "articles_canonical_url_idx" ON "articles" USING btree ("canonical_url");