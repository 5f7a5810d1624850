DROP INDEX `dismissed_suggestions_span_idx`;--> statement-breakpoint
ALTER TABLE `dismissed_suggestions` ADD `model_version` text DEFAULT 'rules' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `dismissed_suggestions_span_idx` ON `dismissed_suggestions` (`version_id`,`start`,`end`,`model_version`);