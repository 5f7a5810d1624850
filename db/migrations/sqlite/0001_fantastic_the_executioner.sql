CREATE TABLE `claim_anchors` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`version_id` text NOT NULL,
	`exact` text NOT NULL,
	`prefix` text NOT NULL,
	`suffix` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`anchor_status` text NOT NULL,
	`anchor_score` real NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `article_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_anchors_claim_idx` ON `claim_anchors` (`claim_id`,`version_id`);--> statement-breakpoint
ALTER TABLE `article_versions` ADD `source_html` text;--> statement-breakpoint
ALTER TABLE `article_versions` ADD `origin` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `canonical_url` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `language` text;--> statement-breakpoint
CREATE INDEX `articles_canonical_url_idx` ON `articles` (`canonical_url`);