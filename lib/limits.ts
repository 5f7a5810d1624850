/** Input size limits shared by forms (shown to users) and server validation (enforced). */

/** 500,000 characters is ~80,000 words: far beyond any article, small enough to keep a snapshot cheap. */
export const MAX_ARTICLE_CHARS = 500_000;
/** Files are read in the browser before import; 2 MB covers any text article. */
export const MAX_IMPORT_FILE_BYTES = 2 * 1024 * 1024;

/** A fetched page may be this large (after decompression); news pages with inline scripts reach 1–2 MB. */
export const MAX_FETCH_BYTES = 5 * 1024 * 1024;
/** Uploaded .html and .docx files (Word files with images are large; the text is a small part). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Pasted rich HTML (the clipboard of a whole web page carries markup far heavier than its text). */
export const MAX_PASTED_HTML_CHARS = 3_000_000;

/**
 * Route handlers that take a body (JSON callers, Auth.js form posts) get far
 * less than server actions (12 MB, next.config.ts): nothing they accept is a file.
 */
export const MAX_ROUTE_BODY_BYTES = 1024 * 1024;

/** Auth.js posts (app/api/auth/[...nextauth]/route.ts) are tiny forms: email, password, CSRF token. */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

/**
 * Server action bodies (next.config.ts `serverActions.bodySizeLimit`): a
 * 10 MB .docx upload plus the form's other fields and encoding overhead.
 * proxy.ts refuses a body over this with a 413 before Next parses it: by its
 * declared length, or, streamed without one, by counting it.
 */
export const MAX_ACTION_BODY_BYTES = 12 * 1024 * 1024;

/**
 * Claims one article may hold. A long report has a few hundred checkable
 * sentences at most; past this the desk page and the export grow to many
 * megabytes and stop being usable (10,000 claims made a 14 MB page).
 */
export const MAX_CLAIMS_PER_ARTICLE = 500;

/** Check-worthy suggestions underlined at once, in text order; more would bury the text. */
export const MAX_SUGGESTIONS_SHOWN = 150;
