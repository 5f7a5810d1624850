import { PassThrough, Readable } from "node:stream";
import { z } from "zod";
import { defaultDatabaseUrl, getDatabase, openDatabase } from "@/db/client";
import { exportCsvZip } from "@/db/backup/csv-export";
import { recordAudit } from "@/db/queries/audit";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/admin/export — the whole organisation as one ZIP of documented
 * CSV files (db/backup/csv-export.ts), streamed as it is built. Admins only
 * (manage:organisation: 401 without a session, 403 below admin), and every
 * download is in the audit log, recorded before the export starts so the
 * export itself shows who took it.
 */
export const GET = route(z.unknown(), { permission: "manage:organisation" }, async (_params, user) => {
  const shared = await getDatabase();
  await shared.transaction((tx) => recordAudit(tx, { actorId: user.id, action: "export.organisation", entityType: "organisation", entityId: "organisation", after: { format: "csv-zip" } }));
  // The export reads one snapshot for as long as the download lasts. On SQLite that pins the connection it reads
  // through, so it gets a connection of its own and the app's shared reader stays free (Postgres: one pooled connection).
  const database = shared.dialect === "sqlite" ? await openDatabase(defaultDatabaseUrl()) : shared;
  const body = new PassThrough();
  void exportCsvZip(database, body)
    .then(
      () => body.end(),
      (error: unknown) => {
        // A download the browser cancelled is not a server error; anything else is, and the truncated ZIP will not open.
        if (!body.destroyed) console.error("[factdesk] the organisation export failed", error);
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    )
    .finally(() => (database === shared ? undefined : database.close()));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="factdesk-export-${day}.zip"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
