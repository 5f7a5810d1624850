/** The rows of a raw Postgres query result: postgres.js returns them, PGlite (tests) an object holding them. */
export const rowsOf = <T,>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
