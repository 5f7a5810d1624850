DROP INDEX "dismissed_suggestions_span_idx";--> statement-breakpoint
ALTER TABLE "dismissed_suggestions" ADD COLUMN "model_version" text DEFAULT 'rules' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "dismissed_suggestions_span_idx" ON "dismissed_suggestions" USING btree ("version_id","start","end","model_version");