/** Where the desk serves a kept original file (app/api/originals/[id]/route.ts). */
export function originalFileUrl(id: string): string {
  return `/api/originals/${encodeURIComponent(id)}`;
}

/** The path prefix, for the response policy that route gets (server/security/csp.ts). */
export const ORIGINAL_FILES_PATH = "/api/originals/";
