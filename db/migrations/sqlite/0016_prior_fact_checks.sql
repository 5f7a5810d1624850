CREATE TABLE `import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`item_count` integer DEFAULT 0 NOT NULL,
	`undone_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `prior_fact_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`origin` text NOT NULL,
	`review_key` text NOT NULL,
	`claim` text NOT NULL,
	`claimant` text,
	`rating_label` text,
	`rating_value` real,
	`url` text NOT NULL,
	`date_published` text,
	`publisher` text,
	`language` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prior_fact_checks_review_idx` ON `prior_fact_checks` (`review_key`);--> statement-breakpoint
CREATE INDEX `prior_fact_checks_batch_idx` ON `prior_fact_checks` (`batch_id`);