import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { auditCounts, createTestArticle, createTestClaim, proposeTestVerdict, rejection } from "@/testing/fixtures";
import { createRating, deleteRating, listRatings, listRatingsWithUse, moveRating, setRatingHidden, updateRating } from "./ratings";

describe.each(testDialects())("rating scale administration on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  const admin = () => ctx.users.admin.id;
  const fresh = async (label: string) => (await listRatings()).find((r) => r.label === label)!;

  it("adds a label at the end and refuses duplicates and unreadable colours", async () => {
    const created = await createRating({ label: "Satire", value: 3, colour: "#5b4b8a", description: "Meant as a joke.", actorId: admin() });
    expect((await listRatings()).at(-1)!.id).toBe(created.id);
    expect((await rejection(() => createRating({ label: "satire", value: 3, colour: "#5b4b8a", description: "x", actorId: admin() }))).code).toBe("conflict:rating");
    const pale = await rejection(() => createRating({ label: "Pale", value: 3, colour: "#ffe08a", description: "x", actorId: admin() }));
    expect(pale.code).toBe("invalid:rating");
    expect(pale.message).toMatch(/contrast/);
    expect((await rejection(() => createRating({ label: "Six", value: 6, colour: "#000000", description: "x", actorId: admin() }))).code).toBe("invalid:rating");
    expect(await auditCounts({ entityType: "rating", entityId: created.id })).toEqual({ "rating.create": 1 });
  });

  it("edits with a version check", async () => {
    const r = await fresh("Satire");
    const edited = await updateRating({ id: r.id, version: r.version, label: "Satire or parody", value: 3, colour: "#5b4b8a", description: "Not meant literally.", actorId: admin() });
    expect(edited).toMatchObject({ label: "Satire or parody", version: r.version + 1 });
    const stale = await rejection(() => updateRating({ id: r.id, version: r.version, label: "Other", value: 3, colour: "#5b4b8a", description: "x", actorId: admin() }));
    expect(stale.code).toBe("conflict:label");
    expect((await fresh("Satire or parody")).description).toBe("Not meant literally.");
  });

  it("moves a label up and down and keeps positions contiguous", async () => {
    const before = (await listRatings()).map((r) => r.label);
    const last = await fresh(before.at(-1)!);
    const after = await moveRating({ id: last.id, version: last.version, direction: "up", actorId: admin() });
    expect(after.map((r) => r.label)).toEqual([...before.slice(0, -2), before.at(-1), before.at(-2)]);
    expect(after.map((r) => r.position)).toEqual(after.map((_, i) => i));
    const moved = await fresh(before.at(-1)!);
    await moveRating({ id: moved.id, version: moved.version, direction: "down", actorId: admin() });
    expect((await listRatings()).map((r) => r.label)).toEqual(before);
  });

  it("refuses to delete a label in use, offering hiding; deletes an unused one", async () => {
    const article = await createTestArticle(ctx.users.reviewer.id);
    const claim = await createTestClaim(article, "zinc cures the flu within a day", ctx.users.reviewer.id);
    const inaccurate = ctx.rating("Inaccurate");
    await proposeTestVerdict(claim.id, inaccurate.id, ctx.users.reviewer.id);
    const current = await fresh("Inaccurate");
    const refused = await rejection(() => deleteRating({ id: current.id, version: current.version, actorId: admin() }));
    expect(refused.code).toBe("conflict:rating");
    expect(refused.message).toMatch(/used by 1 verdict revision.*Hide it instead/);
    expect((await listRatingsWithUse()).find((r) => r.id === current.id)!.verdictCount).toBe(1);

    const hidden = await setRatingHidden({ id: current.id, version: current.version, hidden: true, actorId: admin() });
    expect(hidden.hidden).toBe(true);
    // A hidden label is not offered for new verdicts on other claims.
    const other = await createTestClaim(article, "The author adds", ctx.users.reviewer.id);
    expect((await rejection(() => proposeTestVerdict(other.id, current.id, ctx.users.reviewer.id))).message).toMatch(/no longer offered/);
    // …but the claim that has it may be revised without changing the rating.
    await proposeTestVerdict(claim.id, current.id, ctx.users.reviewer.id, "Revised wording.");
    await setRatingHidden({ id: hidden.id, version: hidden.version, hidden: false, actorId: admin() });

    const satire = await fresh("Satire or parody");
    await deleteRating({ id: satire.id, version: satire.version, actorId: admin() });
    expect((await listRatings()).some((r) => r.id === satire.id)).toBe(false);
    expect(await auditCounts({ entityType: "rating", entityId: satire.id })).toMatchObject({ "rating.delete": 1 });
  });
});
