ALTER TABLE `users` ADD `oidc_issuer` text;--> statement-breakpoint
ALTER TABLE `users` ADD `oidc_subject` text;--> statement-breakpoint
CREATE INDEX `users_oidc_subject_idx` ON `users` (`oidc_issuer`,`oidc_subject`);