ALTER TABLE "claims" ADD COLUMN "published_verdict_id" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "claimant_name" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "claimant_kind" text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "claimant_role" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "appearance_url" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "appearance_date" text;--> statement-breakpoint
ALTER TABLE "verdicts" ADD COLUMN "statement" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "verdicts" ADD COLUMN "claimant_name" text;--> statement-breakpoint
ALTER TABLE "verdicts" ADD COLUMN "claimant_kind" text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE "verdicts" ADD COLUMN "claimant_role" text;--> statement-breakpoint
ALTER TABLE "verdicts" ADD COLUMN "appearance_url" text;--> statement-breakpoint
ALTER TABLE "verdicts" ADD COLUMN "appearance_date" text;--> statement-breakpoint
ALTER TABLE "verdicts" ADD COLUMN "withdrawn_reason" text;