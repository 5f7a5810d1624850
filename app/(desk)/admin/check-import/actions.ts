"use server";
import { z } from "zod";
import { importFileSchema } from "@/lib/validation/import";
import { action, formToObject } from "@/server/action";
import { previewCheckExport, type CheckPreview } from "@/server/interop/check-preview";

/** Reads a Check export ZIP and says what it holds and what it cannot read; nothing is stored. Admins only. */
const preview = action(importFileSchema, { permission: "manage:organisation" }, async ({ file }): Promise<CheckPreview> => previewCheckExport(new Uint8Array(await file.arrayBuffer())));

export async function previewCheckExportAction(form: FormData) {
  return preview(formToObject(form) as z.input<typeof importFileSchema>);
}
