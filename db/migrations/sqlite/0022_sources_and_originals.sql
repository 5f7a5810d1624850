CREATE TABLE `citation_archives` (
	`citation_id` text PRIMARY KEY NOT NULL,
	`fetch_id` text,
	`quote_status` text NOT NULL,
	`quote_match` text,
	`checked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`citation_id`) REFERENCES `citations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fetch_id`) REFERENCES `source_fetches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `citation_archives_fetch_idx` ON `citation_archives` (`fetch_id`);--> statement-breakpoint
CREATE TABLE `original_files` (
	`id` text PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	`content_type` text NOT NULL,
	`file_name` text NOT NULL,
	`byte_size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `original_files_sha256_unique` ON `original_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `source_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`citation_id` text NOT NULL,
	`fetch_id` text NOT NULL,
	`kind` text NOT NULL,
	`detected_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	FOREIGN KEY (`citation_id`) REFERENCES `citations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fetch_id`) REFERENCES `source_fetches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `source_changes_citation_kind_idx` ON `source_changes` (`citation_id`,`kind`,`fetch_id`);--> statement-breakpoint
CREATE INDEX `source_changes_open_idx` ON `source_changes` (`resolved_at`,`detected_at`);--> statement-breakpoint
CREATE TABLE `source_fetches` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`final_url` text,
	`http_status` integer,
	`outcome` text NOT NULL,
	`message` text,
	`snapshot_id` text,
	`purpose` text NOT NULL,
	`fetched_at` integer NOT NULL,
	FOREIGN KEY (`snapshot_id`) REFERENCES `source_snapshots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `source_fetches_url_idx` ON `source_fetches` (`url`,`fetched_at`);--> statement-breakpoint
CREATE TABLE `source_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	`content_type` text NOT NULL,
	`byte_size` integer NOT NULL,
	`title` text,
	`blocks` text NOT NULL,
	`html` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `source_snapshots_sha256_unique` ON `source_snapshots` (`sha256`);--> statement-breakpoint
ALTER TABLE `article_versions` ADD `original_file_id` text REFERENCES original_files(id);