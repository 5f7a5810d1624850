CREATE TABLE `organisation_pages` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisation_pages_slug_unique` ON `organisation_pages` (`slug`);--> statement-breakpoint
ALTER TABLE `claims` ADD `approved_verdict_id` text;--> statement-breakpoint
ALTER TABLE `corrections` ADD `claim_id` text;--> statement-breakpoint
ALTER TABLE `corrections` ADD `verdict_id` text;--> statement-breakpoint
ALTER TABLE `corrections` ADD `previous_verdict_id` text;--> statement-breakpoint
ALTER TABLE `publications` ADD `headline_rating_id` text;--> statement-breakpoint
ALTER TABLE `verdicts` ADD `correction_note` text;