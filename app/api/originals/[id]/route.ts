import { getOriginalFile } from "@/db/queries/original-files";
import { AppError } from "@/lib/errors";
import { looksLikePdf } from "@/server/import/pdf";
import { articleIdParam, route } from "@/server/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/originals/:id — a PDF as imported, byte for byte, for the desk
 * (readers never see it: it may hold what the fact-check left out).
 *
 * The bytes are untrusted, so they are only ever served as what they are:
 * application/pdf, checked to start like a PDF, nosniff, and a response
 * policy of their own (server/security/csp.ts) that lets nothing load. The
 * browser's PDF viewer shows it in its own process, away from the desk's
 * pages. A CSP `sandbox` is not set: Chromium refuses to show a PDF at all
 * under one (the viewer is a plugin, which no sandbox flag re-enables).
 * A preview's file that no snapshot keeps yet is its importer's alone.
 */
export const GET = route(articleIdParam, { permission: "read:desk" }, async ({ id }, user) => {
  const file = await getOriginalFile(id);
  if (!file || (!file.saved && file.createdBy !== user.id) || !looksLikePdf(file.bytes)) {
    throw new AppError("not_found:original", "That file is not kept here.");
  }
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(file.bytes.length),
      "content-disposition": `inline; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "x-content-type-options": "nosniff",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "private, no-store",
    },
  });
});

/** The file name for old browsers: printable ASCII without quotes or backslashes. */
function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/g, "_") || "document.pdf";
}
