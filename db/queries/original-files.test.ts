import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { createTestArticle, rejection } from "@/testing/fixtures";
import { assertOriginalFileExists, getOriginalFile, keepOriginalFile } from "./original-files";

const pdf = (marker: string) => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(marker), Buffer.from([0, 255, 1, 254])]);

describe.each(testDialects())("original files on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("keeps a file byte for byte, once per content, and says whether a snapshot keeps it", async () => {
    const { reviewer, editor } = ctx.users;
    const bytes = pdf("one");
    const id = await keepOriginalFile({ bytes, fileName: "Rapport annuel é.pdf", contentType: "application/pdf", userId: reviewer.id });
    expect(await keepOriginalFile({ bytes: Buffer.from(bytes), fileName: "again.pdf", contentType: "application/pdf", userId: editor.id })).toBe(id);
    const kept = (await getOriginalFile(id))!;
    expect(Buffer.compare(kept.bytes, bytes)).toBe(0);
    expect(kept).toMatchObject({ fileName: "Rapport annuel é.pdf", createdBy: reviewer.id, saved: false });

    await createTestArticle(reviewer.id, { originalFileId: id });
    expect((await getOriginalFile(id))!.saved).toBe(true);
    expect(await getOriginalFile("nothing-here")).toBeNull();
  });

  it("removes a preview's file no snapshot kept after a day, and only that", async () => {
    const { reviewer } = ctx.users;
    const abandoned = await keepOriginalFile({ bytes: pdf("abandoned"), fileName: "a.pdf", contentType: "application/pdf", userId: reviewer.id });
    const saved = await keepOriginalFile({ bytes: pdf("saved"), fileName: "s.pdf", contentType: "application/pdf", userId: reviewer.id });
    const fresh = await keepOriginalFile({ bytes: pdf("fresh"), fileName: "f.pdf", contentType: "application/pdf", userId: reviewer.id });
    await createTestArticle(reviewer.id, { originalFileId: saved, title: "Saved report" });
    const { db, t } = ctx.database;
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    for (const id of [abandoned, saved]) await db.update(t.originalFiles).set({ createdAt: twoDaysAgo }).where(eq(t.originalFiles.id, id));

    await keepOriginalFile({ bytes: pdf("next"), fileName: "n.pdf", contentType: "application/pdf", userId: reviewer.id });
    expect(await getOriginalFile(abandoned)).toBeNull();
    expect(await getOriginalFile(saved)).not.toBeNull();
    expect(await getOriginalFile(fresh)).not.toBeNull();
    expect(await rejection(() => assertOriginalFileExists(abandoned))).toMatchObject({ code: "invalid:import", message: expect.stringMatching(/Import the file again/) });
    await expect(assertOriginalFileExists(saved)).resolves.toBeUndefined();
  });
});
