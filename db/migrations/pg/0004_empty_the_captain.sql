CREATE TABLE "organisation_pages" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "organisation_pages_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "approved_verdict_id" text;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "claim_id" text;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "verdict_id" text;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "previous_verdict_id" text;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "headline_rating_id" text;--> statement-breakpoint
ALTER TABLE "verdicts" ADD COLUMN "correction_note" text;--> statement-breakpoint
ALTER TABLE "organisation_pages" ADD CONSTRAINT "organisation_pages_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;