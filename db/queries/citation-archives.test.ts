import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { testCitation } from "@/testing/fixtures";
import { citeSources } from "@/testing/source-site";
import { forgetPendingArchives, pendingArchiveIds } from "./citation-archives";
import { getClaimByIdOrThrow } from "./claims";
import { saveCitationArchive } from "./sources";
import { getVerdictsWithCitations, proposeVerdict } from "./verdicts";

describe.each(testDialects())("citation archives on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("queues every new citation, and a revision keeps the archive of a citation it carries over unchanged", async () => {
    const url = "https://example.test/trial";
    const { claim, citations } = await citeSources(ctx, [{ url, quote: "No effect was seen." }, { url: "https://example.test/other", quote: "Other words." }]);
    expect(await pendingArchiveIds()).toEqual(expect.arrayContaining(citations.map((c) => c.id)));
    // The first source was archived, its quote found, before the rationale is revised.
    await saveCitationArchive(ctx.database, { citationId: citations[0]!.id, fetchId: null, quoteStatus: "found", quoteMatch: null, checkedAt: new Date() });

    const current = await getClaimByIdOrThrow({ id: claim.id });
    const next = await proposeVerdict({
      claimId: claim.id,
      claimVersion: current.version,
      ratingId: ctx.rating("Inaccurate").id,
      rationale: "Revised rationale.",
      citations: [testCitation({ url, quote: "No effect was seen." }), testCitation({ url: "https://example.test/other", quote: "Changed words." })],
      userId: ctx.users.reviewer.id,
    });
    const [kept, changed] = (await getVerdictsWithCitations({ ids: [next.id] })).get(next.id)!.citations;
    expect(kept!.archive).toMatchObject({ quoteStatus: "found" });
    expect(changed!.archive).toMatchObject({ quoteStatus: "pending" });
    expect(await pendingArchiveIds()).toContain(changed!.id);
    expect(await pendingArchiveIds()).not.toContain(kept!.id);

    await forgetPendingArchives();
    expect(await pendingArchiveIds()).toEqual([]);
    const [, forgotten] = (await getVerdictsWithCitations({ ids: [next.id] })).get(next.id)!.citations;
    expect(forgotten!.archive).toBeNull();
  });
});
