"use server";
import { z } from "zod";
import { importCheckExport, rememberedMapping, type CheckImportResult } from "@/db/queries/check-import";
import { listRatings } from "@/db/queries/ratings";
import { importFileSchema } from "@/lib/validation/import";
import { importCheckSchema } from "@/lib/validation/prior-fact-checks";
import { action, formToObject } from "@/server/action";
import { readCheckExport } from "@/server/interop/check-export";
import { previewCheckExport, type CheckPreview } from "@/server/interop/check-preview";

/**
 * Moving from Check (admins). Nothing here reaches readers: members come in inactive, items as claims of
 * unpublished archive articles with no Factdesk verdict, fact-checks and explainers as the desk's own reference.
 */

const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

/** Reads a Check export ZIP and says what it holds, what it cannot read and how statuses would map; nothing is stored. */
const preview = action(importFileSchema, { permission: "manage:organisation" }, async ({ file }): Promise<CheckPreview> => {
  const ratings = (await listRatings()).filter((r) => !r.hidden);
  return previewCheckExport(await bytesOf(file), ratings, await rememberedMapping());
});

export async function previewCheckExportAction(form: FormData) {
  return preview(formToObject(form) as z.input<typeof importFileSchema>);
}

/** Imports the ZIP with the mapping and roles chosen in the preview, as one batch that can be undone until used. */
const importExport = action(importCheckSchema, { permission: "manage:organisation" }, async ({ file, choices }, user): Promise<CheckImportResult> =>
  importCheckExport({ read: readCheckExport(await bytesOf(file)), label: file.name, mapping: choices.mapping, roles: choices.roles, actorId: user.id }),
);

export async function importCheckExportAction(form: FormData) {
  return importExport(formToObject(form) as z.input<typeof importCheckSchema>);
}
