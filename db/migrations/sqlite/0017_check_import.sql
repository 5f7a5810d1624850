CREATE TABLE `check_status_mappings` (
	`status` text PRIMARY KEY NOT NULL,
	`rating_id` text,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `claim_origins` (
	`claim_id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`workspace` text NOT NULL,
	`check_id` text,
	`media_type` text,
	`media_data` text,
	`tags` text NOT NULL,
	`check_status` text,
	`rating_id` text,
	`checked_at` text,
	`fact_check_url` text,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `context_links` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`url` text,
	`language` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `context_links_batch_idx` ON `context_links` (`batch_id`);--> statement-breakpoint
CREATE TABLE `import_records` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`source_key` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_records_source_idx` ON `import_records` (`entity_type`,`source_key`);--> statement-breakpoint
CREATE INDEX `import_records_batch_idx` ON `import_records` (`batch_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_prior_fact_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`origin` text NOT NULL,
	`review_key` text NOT NULL,
	`claim` text NOT NULL,
	`claimant` text,
	`rating_label` text,
	`rating_value` real,
	`url` text,
	`date_published` text,
	`publisher` text,
	`summary` text,
	`language` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_prior_fact_checks`("id", "batch_id", "origin", "review_key", "claim", "claimant", "rating_label", "rating_value", "url", "date_published", "publisher", "language", "created_at") SELECT "id", "batch_id", "origin", "review_key", "claim", "claimant", "rating_label", "rating_value", "url", "date_published", "publisher", "language", "created_at" FROM `prior_fact_checks`;--> statement-breakpoint
DROP TABLE `prior_fact_checks`;--> statement-breakpoint
ALTER TABLE `__new_prior_fact_checks` RENAME TO `prior_fact_checks`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `prior_fact_checks_review_idx` ON `prior_fact_checks` (`review_key`);--> statement-breakpoint
CREATE INDEX `prior_fact_checks_batch_idx` ON `prior_fact_checks` (`batch_id`);