import { describe, expect, it } from "vitest";
import type { PriorFactCheck } from "@/server/interop/claimreview-in";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { auditCounts, rejection } from "@/testing/fixtures";
import { undoImportBatch } from "./import-undo";
import { importPriorFactChecks, listImportBatches, listPriorFactChecks } from "./prior-fact-checks";

const prior = (claim: string, overrides: Partial<PriorFactCheck> = {}): PriorFactCheck => ({
  claim,
  claimant: "A. Wellness Influencer",
  ratingLabel: "False",
  ratingValue: 1,
  url: `https://checkers.example/${encodeURIComponent(claim)}`,
  datePublished: "2024-01-15",
  publisher: "Checkers Desk",
  language: "en",
  ...overrides,
});

describe.each(testDialects())("prior fact-checks on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("imports a batch, audited, and a second import of the same reviews creates nothing twice", async () => {
    const { admin } = ctx.users;
    const items = [prior("Kratom cures withdrawal"), prior("Vitamin C cures colds"), prior("Kratom cures withdrawal")];
    const first = await importPriorFactChecks({ kind: "claimreview", origin: "claimreview-file", label: "reviews.json", items, actorId: admin.id });
    expect(first).toMatchObject({ imported: 2, alreadyThere: 1 });
    const again = await importPriorFactChecks({ kind: "claimreview", origin: "claimreview-file", label: "reviews.json", items: items.slice(0, 2), actorId: admin.id });
    expect(again).toMatchObject({ imported: 0, alreadyThere: 2 });
    expect(await listPriorFactChecks()).toHaveLength(2);
    const batches = await listImportBatches();
    // The second import brought nothing: not listed, as there is nothing to undo.
    expect(batches.map((b) => [b.label, b.itemCount, b.createdByName])).toEqual([
      ["reviews.json", 2, admin.name],
    ]);
    expect(await auditCounts({ entityType: "import_batch" })).toEqual({ "import.prior_fact_checks": 2 });
  });

  it("finds by words of the claim, claimant or publisher in any case, with LIKE's wildcards taken literally", async () => {
    const { admin } = ctx.users;
    await importPriorFactChecks({ kind: "claimreview", origin: "claimreview-page", label: "https://a.example", items: [prior("Kava is 100% safe"), prior("Coffee dehydrates you", { claimant: "A columnist", publisher: "Faktisk Helse" })], actorId: admin.id });
    expect((await listPriorFactChecks({ q: "KAVA" })).map((p) => p.claim)).toEqual(["Kava is 100% safe"]);
    expect((await listPriorFactChecks({ q: "100%" })).map((p) => p.claim)).toEqual(["Kava is 100% safe"]);
    expect(await listPriorFactChecks({ q: "1_0" })).toEqual([]);
    expect((await listPriorFactChecks({ q: "faktisk" })).map((p) => p.claim)).toEqual(["Coffee dehydrates you"]);
  });

  it("undoes a batch: its reviews go, the batch stays marked, and a second undo is refused", async () => {
    const { admin, editor } = ctx.users;
    const { batchId } = await importPriorFactChecks({ kind: "claimreview", origin: "claimreview-file", label: "feed.json", items: [prior("Zinc shortens colds")], actorId: editor.id });
    expect(await undoImportBatch({ batchId, actorId: admin.id })).toEqual({ removed: 1 });
    expect(await listPriorFactChecks({ q: "zinc" })).toEqual([]);
    expect((await listImportBatches()).find((b) => b.id === batchId)!.undoneAt).toBeInstanceOf(Date);
    expect((await rejection(() => undoImportBatch({ batchId, actorId: admin.id }))).code).toBe("conflict:import-undone");
    // Undone reviews can be imported again.
    expect(await importPriorFactChecks({ kind: "claimreview", origin: "claimreview-file", label: "feed.json", items: [prior("Zinc shortens colds")], actorId: editor.id })).toMatchObject({ imported: 1 });
  });
});
