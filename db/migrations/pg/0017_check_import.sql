CREATE TABLE "check_status_mappings" (
	"status" text PRIMARY KEY NOT NULL,
	"rating_id" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_origins" (
	"claim_id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL,
	"workspace" text NOT NULL,
	"check_id" text,
	"media_type" text,
	"media_data" text,
	"tags" jsonb NOT NULL,
	"check_status" text,
	"rating_id" text,
	"checked_at" text,
	"fact_check_url" text
);
--> statement-breakpoint
CREATE TABLE "context_links" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"url" text,
	"language" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_records" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"source_key" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "prior_fact_checks" ALTER COLUMN "url" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "prior_fact_checks" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "check_status_mappings" ADD CONSTRAINT "check_status_mappings_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_status_mappings" ADD CONSTRAINT "check_status_mappings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_origins" ADD CONSTRAINT "claim_origins_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_origins" ADD CONSTRAINT "claim_origins_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_origins" ADD CONSTRAINT "claim_origins_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "context_links" ADD CONSTRAINT "context_links_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_records" ADD CONSTRAINT "import_records_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "context_links_batch_idx" ON "context_links" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "import_records_source_idx" ON "import_records" USING btree ("entity_type","source_key");--> statement-breakpoint
CREATE INDEX "import_records_batch_idx" ON "import_records" USING btree ("batch_id");