/** Input size limits shared by forms (shown to users) and server validation (enforced). */

/** 500,000 characters is ~80,000 words: far beyond any article, small enough to keep a snapshot cheap. */
export const MAX_ARTICLE_CHARS = 500_000;
/** Files are read in the browser before import; 2 MB covers any text article. */
export const MAX_IMPORT_FILE_BYTES = 2 * 1024 * 1024;
