import { describe, expect, it } from "vitest";
import { DEFAULT_RATING_SCALE } from "@/lib/rating-scale";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { ensureDefaultRatings, listRatings } from "./ratings";

describe.each(testDialects())("ratings on %s", (dialect) => {
  const ctx = useTestDatabase(dialect, { seed: false });

  it("starts empty, installs the default scale in order, and does it only once", async () => {
    expect(await listRatings()).toEqual([]);
    await ensureDefaultRatings();
    const ratings = await listRatings();
    expect(ratings.map((r) => [r.label, r.value, r.position])).toEqual([
      ["Accurate", 5, 0],
      ["Mostly accurate", 4, 1],
      ["Lacks context", 3, 2],
      ["Unsupported", 2, 3],
      ["Misleading", 2, 4],
      ["Inaccurate", 1, 5],
    ]);
    expect(ratings.map(({ label, value, colour, description }) => ({ label, value, colour, description }))).toEqual(DEFAULT_RATING_SCALE);
    expect(new Set(ratings.map((r) => r.id)).size).toBe(6);

    await ensureDefaultRatings();
    await ctx.database.transaction((tx) => ensureDefaultRatings(tx));
    expect(await listRatings()).toEqual(ratings);
  });
});
