CREATE TABLE `login_failures` (
	`id` text PRIMARY KEY NOT NULL,
	`account_key` text NOT NULL,
	`ip` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_account_idx` ON `login_failures` (`account_key`,`created_at`);--> statement-breakpoint
CREATE INDEX `login_failures_ip_idx` ON `login_failures` (`ip`,`created_at`);--> statement-breakpoint
CREATE INDEX `login_failures_created_idx` ON `login_failures` (`created_at`);