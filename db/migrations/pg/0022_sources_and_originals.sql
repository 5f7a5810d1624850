CREATE TABLE "citation_archives" (
	"citation_id" text PRIMARY KEY NOT NULL,
	"fetch_id" text,
	"quote_status" text NOT NULL,
	"quote_match" text,
	"checked_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "original_files" (
	"id" text PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"file_name" text NOT NULL,
	"byte_size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "original_files_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "source_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"citation_id" text NOT NULL,
	"fetch_id" text NOT NULL,
	"kind" text NOT NULL,
	"detected_at" timestamp (3) with time zone NOT NULL,
	"resolved_at" timestamp (3) with time zone,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "source_fetches" (
	"id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"final_url" text,
	"http_status" integer,
	"outcome" text NOT NULL,
	"message" text,
	"snapshot_id" text,
	"purpose" text NOT NULL,
	"fetched_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_snapshots" (
	"id" text PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"title" text,
	"blocks" jsonb NOT NULL,
	"html" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "source_snapshots_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
ALTER TABLE "article_versions" ADD COLUMN "original_file_id" text;--> statement-breakpoint
ALTER TABLE "citation_archives" ADD CONSTRAINT "citation_archives_citation_id_citations_id_fk" FOREIGN KEY ("citation_id") REFERENCES "public"."citations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citation_archives" ADD CONSTRAINT "citation_archives_fetch_id_source_fetches_id_fk" FOREIGN KEY ("fetch_id") REFERENCES "public"."source_fetches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "original_files" ADD CONSTRAINT "original_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_citation_id_citations_id_fk" FOREIGN KEY ("citation_id") REFERENCES "public"."citations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_fetch_id_source_fetches_id_fk" FOREIGN KEY ("fetch_id") REFERENCES "public"."source_fetches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_fetches" ADD CONSTRAINT "source_fetches_snapshot_id_source_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."source_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citation_archives_fetch_idx" ON "citation_archives" USING btree ("fetch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "source_changes_citation_kind_idx" ON "source_changes" USING btree ("citation_id","kind","fetch_id");--> statement-breakpoint
CREATE INDEX "source_changes_open_idx" ON "source_changes" USING btree ("resolved_at","detected_at");--> statement-breakpoint
CREATE INDEX "source_fetches_url_idx" ON "source_fetches" USING btree ("url","fetched_at");--> statement-breakpoint
ALTER TABLE "article_versions" ADD CONSTRAINT "article_versions_original_file_id_original_files_id_fk" FOREIGN KEY ("original_file_id") REFERENCES "public"."original_files"("id") ON DELETE no action ON UPDATE no action;