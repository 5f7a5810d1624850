ALTER TABLE `claims` ADD `published_verdict_id` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `claimant_name` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `claimant_kind` text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `claimant_role` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `appearance_url` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `appearance_date` text;--> statement-breakpoint
ALTER TABLE `verdicts` ADD `statement` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `verdicts` ADD `claimant_name` text;--> statement-breakpoint
ALTER TABLE `verdicts` ADD `claimant_kind` text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE `verdicts` ADD `claimant_role` text;--> statement-breakpoint
ALTER TABLE `verdicts` ADD `appearance_url` text;--> statement-breakpoint
ALTER TABLE `verdicts` ADD `appearance_date` text;--> statement-breakpoint
ALTER TABLE `verdicts` ADD `withdrawn_reason` text;