CREATE TABLE "import_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"undone_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "prior_fact_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL,
	"origin" text NOT NULL,
	"review_key" text NOT NULL,
	"claim" text NOT NULL,
	"claimant" text,
	"rating_label" text,
	"rating_value" double precision,
	"url" text NOT NULL,
	"date_published" text,
	"publisher" text,
	"language" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prior_fact_checks" ADD CONSTRAINT "prior_fact_checks_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "prior_fact_checks_review_idx" ON "prior_fact_checks" USING btree ("review_key");--> statement-breakpoint
CREATE INDEX "prior_fact_checks_batch_idx" ON "prior_fact_checks" USING btree ("batch_id");