CREATE TABLE `claim_links` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`matched_claim_id` text NOT NULL,
	`reused_verdict_id` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`removed_by` text,
	`removed_at` integer,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`matched_claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_links_claim_idx` ON `claim_links` (`claim_id`);--> statement-breakpoint
CREATE INDEX `claim_links_matched_idx` ON `claim_links` (`matched_claim_id`);--> statement-breakpoint
CREATE TABLE `dismissed_suggestions` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`version_id` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `article_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dismissed_suggestions_span_idx` ON `dismissed_suggestions` (`version_id`,`start`,`end`);--> statement-breakpoint
CREATE INDEX `dismissed_suggestions_article_idx` ON `dismissed_suggestions` (`article_id`);