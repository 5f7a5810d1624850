import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readCheckExport } from "@/server/interop/check-export";
import { checkExportZip } from "@/testing/check-export-zip";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { createTestArticle, createTestClaim, rejection } from "@/testing/fixtures";
import { importCheckExport } from "./check-import";
import { findClaimMatches } from "./claim-matches";
import { findPriorMatches } from "./earlier-checks";
import { addComment } from "./comments";
import { undoImportBatch } from "./import-undo";
import { listImportBatches, listPriorFactChecks } from "./prior-fact-checks";

describe.each(testDialects())("Check import on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  const tables = () => ctx.database.t;
  const db = () => ctx.database.db;

  it("brings in members, items, fact-checks and explainers once, with the mapping remembered, and undoes the batch", async () => {
    const { admin } = ctx.users;
    const read = readCheckExport(checkExportZip("v1"));
    const mapping = { false: ctx.rating("Inaccurate").id, verified: ctx.rating("Accurate").id, in_progress: null };
    const roles = { "colin@desk.example": "editor" as const };
    const first = await importCheckExport({ read, label: "check-v1.zip", mapping, roles, actorId: admin.id });
    expect(first.imported).toEqual({ factChecks: 2, explainers: 1, items: 3, users: 3 });
    expect(first.unreadable).toBe(read.skipped.length);

    const { users, claims, claimOrigins, articles, contextLinks, checkStatusMappings } = tables();
    const members = await db().select().from(users).where(eq(users.email, "colin@desk.example"));
    expect(members[0]).toMatchObject({ role: "editor", active: false, passwordHash: null });
    const [ana] = await db().select().from(users).where(eq(users.email, "ana@desk.example"));
    expect(ana).toMatchObject({ role: "admin", active: false });

    const origins = await db().select().from(claimOrigins).innerJoin(claims, eq(claims.id, claimOrigins.claimId));
    const kratom = origins.find((o) => o.claims.exact === "Kratom cures opioid withdrawal in three days.")!;
    expect(kratom.claims).toMatchObject({ statement: "Kratom cures withdrawal", status: "open", claimantName: null });
    expect(kratom.claim_origins).toMatchObject({ mediaType: "Claim", tags: ["kratom", "opioids", "withdrawal"], checkStatus: "false", ratingId: ctx.rating("Inaccurate").id, checkedAt: "2024-03-05T14:02:11.000Z", factCheckUrl: "https://checkmedia.example/health-desk/fc/101" });
    const link = origins.find((o) => o.claim_origins.mediaType === "Link")!;
    expect(link.claims.exact).toBe("Vitamin C stops colds");
    expect(link.claim_origins.mediaData).toBe("https://blog.example/vitamin-c");
    const [archive] = await db().select().from(articles).where(eq(articles.id, kratom.claims.articleId));
    expect(archive!.title).toMatch(/^Check archive: Health Desk, items 1–3/);

    const priors = await listPriorFactChecks();
    expect(priors.find((p) => p.url === "https://checkmedia.example/health-desk/fc/101")).toMatchObject({ origin: "check", claim: "Kratom does not cure opioid withdrawal", ratingLabel: "Inaccurate", publisher: "Health Desk", summary: expect.stringContaining("No trial shows it") });
    expect(await db().select().from(contextLinks)).toHaveLength(1);
    expect((await db().select().from(checkStatusMappings)).map((m) => [m.status, m.ratingId]).sort()).toEqual(Object.entries(mapping).sort());

    const again = await importCheckExport({ read, label: "check-v1.zip", mapping, roles, actorId: admin.id });
    expect(again.imported).toEqual({ factChecks: 0, explainers: 0, items: 0, users: 0 });
    expect(again.alreadyThere).toBe(9);
    // An import that brought nothing is not listed: there is nothing to undo.
    expect((await listImportBatches()).map((b) => b.id)).toEqual([first.batchId]);

    expect(await undoImportBatch({ batchId: again.batchId, actorId: admin.id })).toEqual({ removed: 0 });
    expect(await undoImportBatch({ batchId: first.batchId, actorId: admin.id })).toEqual({ removed: 9 }); // 3 members, 3 items, 1 explainer, 2 fact-checks
    expect(await db().select().from(claimOrigins)).toHaveLength(0);
    expect(await db().select().from(users).where(eq(users.email, "colin@desk.example"))).toHaveLength(0);
    expect(await listPriorFactChecks()).toHaveLength(0);
    // Undone, the same export comes in again.
    const third = await importCheckExport({ read, label: "check-v1.zip", mapping, roles, actorId: admin.id });
    expect(third.imported.items).toBe(3);
  });

  it("refuses to undo an import once something it brought in was used", async () => {
    const { admin, reviewer } = ctx.users;
    const read = readCheckExport(checkExportZip("v2"));
    const result = await importCheckExport({ read, label: "check-v2.zip", mapping: { falso: ctx.rating("Inaccurate").id }, roles: {}, actorId: admin.id });
    expect(result.imported.items).toBe(3);
    const { claimOrigins } = tables();
    const [origin] = await db().select().from(claimOrigins).innerJoin(tables().claims, eq(tables().claims.id, claimOrigins.claimId)).where(eq(claimOrigins.checkId, "9001"));
    await addComment({ articleId: origin!.claims.articleId, claimId: origin!.claims.id, body: "Seen this again on the tipline.", authorId: reviewer.id });
    const refusal = await rejection(() => undoImportBatch({ batchId: result.batchId, actorId: admin.id }));
    expect(refusal.code).toBe("conflict:import-used");
    expect(refusal.message).toContain("a claim it brought in");
    expect(await db().select().from(claimOrigins).where(eq(claimOrigins.checkId, "9001"))).toHaveLength(1);
  });

  it("lets claim matching find what Check already checked: the item with its earlier verdict, and the report", async () => {
    const { admin, reviewer } = ctx.users;
    const read = readCheckExport(checkExportZip("v1"));
    await importCheckExport({ read, label: "check-v1.zip", mapping: { false: ctx.rating("Inaccurate").id }, roles: {}, actorId: admin.id });
    const article = await createTestArticle(reviewer.id, { title: "Kratom forum post", blocks: [{ kind: "paragraph", text: "Everyone says kratom cures withdrawal from opioids, fast." }] });
    const claim = await createTestClaim(article, "kratom cures withdrawal from opioids", reviewer.id, "Kratom cures opioid withdrawal");

    const matches = await findClaimMatches({ claimId: claim.id });
    const fromCheck = matches.find((m) => m.claim.exact === "Kratom cures opioid withdrawal in three days.");
    expect(fromCheck?.earlier).toMatchObject({ workspace: "Health Desk", ratingLabel: "Inaccurate", checkedAt: "2024-03-05T14:02:11.000Z", factCheckUrl: "https://checkmedia.example/health-desk/fc/101" });

    const priors = await findPriorMatches({ query: claim });
    expect(priors[0]?.prior).toMatchObject({ claim: "Kratom does not cure opioid withdrawal", publisher: "Health Desk", ratingLabel: "Inaccurate", url: "https://checkmedia.example/health-desk/fc/101" });
    expect(await findPriorMatches({ query: { statement: "Fluoride in tap water lowers IQ", exact: "" } })).toEqual([]);
  });
});
