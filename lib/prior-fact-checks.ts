/** Where an import came from (import_batches.kind). */
export const IMPORT_KINDS = ["claimreview", "check"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How a prior fact-check reached this desk (prior_fact_checks.origin). */
export const PRIOR_ORIGINS = ["claimreview-page", "claimreview-file", "check"] as const;
export type PriorOrigin = (typeof PRIOR_ORIGINS)[number];

/** What an import created besides prior fact-checks (import_records.entity_type): undone with its batch. */
export const IMPORTED_ENTITY_TYPES = ["user", "article", "claim", "context_link"] as const;
export type ImportedEntityType = (typeof IMPORTED_ENTITY_TYPES)[number];
