import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { createTestArticle, createTestClaim, proposeTestVerdict, rejection } from "@/testing/fixtures";
import { getClaimByIdOrThrow } from "./claims";
import { reviewVerdict } from "./reviews";
import { getApprovalQuorum, getSettingWithVersion, updateApprovalQuorum } from "./settings";
import { listAuditEvents } from "./audit";

describe.each(testDialects())("approval quorum setting on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("is edited with a version check and audited", async () => {
    expect(await getSettingWithVersion("approvalQuorum")).toEqual({ value: "1", version: 0 });
    const saved = await updateApprovalQuorum({ quorum: 2, version: 0, actorId: ctx.users.admin.id });
    expect(saved).toMatchObject({ quorum: 2, version: 1 });
    expect(await getApprovalQuorum()).toBe(2);
    const stale = await rejection(() => updateApprovalQuorum({ quorum: 3, version: 0, actorId: ctx.users.admin.id }));
    expect(stale.code).toBe("conflict:setting");
    expect((await rejection(() => updateApprovalQuorum({ quorum: 0, version: 1, actorId: ctx.users.admin.id }))).code).toBe("invalid:settings");
    const events = await listAuditEvents({ entityType: "settings", entityId: "approvalQuorum" });
    expect(events.map((e) => e.after)).toEqual([{ approvalQuorum: "2" }]);
  });

  it("needs two editors at quorum 2, and lowering the quorum approves what already qualifies", async () => {
    const { reviewer, editor, editor2, admin } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, "zinc cures the flu within a day", reviewer.id);
    const verdict = await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, reviewer.id);
    const first = await reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "", editorId: editor.id });
    expect(first.claimStatus).toBe("verdict_proposed");
    expect((await rejection(() => reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "", editorId: editor.id }))).message).toMatch(/already reviewed/);

    const other = await createTestClaim(article, "The author adds", reviewer.id);
    const otherVerdict = await proposeTestVerdict(other.id, ctx.rating("Unsupported").id, reviewer.id);
    await reviewVerdict({ verdictId: otherVerdict.id, decision: "approved", comment: "", editorId: editor.id });
    expect((await reviewVerdict({ verdictId: otherVerdict.id, decision: "approved", comment: "", editorId: editor2.id })).claimStatus).toBe("approved");

    const { version } = await getSettingWithVersion("approvalQuorum");
    const lowered = await updateApprovalQuorum({ quorum: 1, version, actorId: admin.id });
    expect(lowered.approvedClaims).toBe(1);
    expect((await getClaimByIdOrThrow({ id: claim.id })).status).toBe("approved");
  });
});
