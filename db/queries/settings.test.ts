import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { putTestSetting, rejection } from "@/testing/fixtures";
import { eq } from "drizzle-orm";
import { SUGGESTION_THRESHOLD } from "@/lib/check-worthy";
import { getApprovalQuorum, getSetting, getSettingWithVersion, getSsoOnly, getSuggestionThreshold, SETTING_DEFAULTS, updateSsoOnly, updateSuggestionThreshold } from "./settings";

describe.each(testDialects())("settings on %s", (dialect) => {
  const ctx = useTestDatabase(dialect, { seed: false });
  const put = (key: keyof typeof SETTING_DEFAULTS, value: string) => ctx.database.transaction((tx) => putTestSetting(tx, key, value));

  it("falls back to the defaults when nothing is stored", async () => {
    expect(await getSetting("organisationName")).toBe("Factdesk");
    expect(await getApprovalQuorum()).toBe(1);
  });

  it("reads a stored value over the default, and the latest one after a change", async () => {
    await put("organisationName", "Health Desk");
    expect(await getSetting("organisationName")).toBe("Health Desk");
    await put("organisationName", "Health Desk II");
    expect(await getSetting("organisationName")).toBe("Health Desk II");
    const { db, t } = ctx.database;
    expect(await db.select({ key: t.settings.key }).from(t.settings)).toEqual([{ key: "organisationName" }]);
  });

  it("reads the approval quorum, treating anything but a positive integer as 1", async () => {
    await put("approvalQuorum", "3");
    expect(await getApprovalQuorum()).toBe(3);
    for (const bad of ["0", "-2", "1.5", "two", ""]) {
      await put("approvalQuorum", bad);
      expect(await getApprovalQuorum(), bad).toBe(1);
    }
    // Inside a transaction, the transaction's own write is what counts.
    const seen = await ctx.database.transaction(async (tx) => {
      await putTestSetting(tx, "approvalQuorum", "2");
      return getApprovalQuorum(tx);
    });
    expect(seen).toBe(2);
    expect(await getApprovalQuorum()).toBe(2);
  });
});

describe.each(testDialects())("single-sign-on-only setting on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("turns it on and off, refusing a stale version", async () => {
    const actorId = ctx.users.admin.id;
    expect(await getSsoOnly()).toBe(false);
    expect(await updateSsoOnly({ ssoOnly: true, version: 0, actorId })).toEqual({ ssoOnly: true, version: 1 });
    expect(await getSsoOnly()).toBe(true);
    expect((await rejection(() => updateSsoOnly({ ssoOnly: false, version: 0, actorId }))).code).toBe("conflict:setting");
    expect(await getSsoOnly()).toBe(true);
    await updateSsoOnly({ ssoOnly: false, version: 1, actorId });
    expect(await getSettingWithVersion("ssoOnly")).toEqual({ value: "0", version: 2 });
  });
});

describe.each(testDialects())("the suggestion threshold on %s", (dialect) => {
  const ctx = useTestDatabase(dialect, { seed: false });

  it("is the shipped threshold until an admin sets one, and again after they clear it; each change is versioned and audited", async () => {
    const { db, t } = ctx.database;
    const [admin] = await db.insert(t.users).values({ id: "threshold-admin", email: "threshold@example.test", name: "Admin", role: "admin", passwordHash: null }).returning();
    expect(await getSuggestionThreshold()).toBe(SUGGESTION_THRESHOLD);
    const set = await updateSuggestionThreshold({ threshold: 0.8, version: 0, actorId: admin!.id });
    expect(set).toEqual({ threshold: 0.8, version: 1 });
    expect(await getSuggestionThreshold()).toBe(0.8);
    // Saved over what the admin saw: a stale version is refused and changes nothing.
    await expect(updateSuggestionThreshold({ threshold: 0.2, version: 0, actorId: admin!.id })).rejects.toThrow(/changed by someone else/);
    await expect(updateSuggestionThreshold({ threshold: 1.5, version: 1, actorId: admin!.id })).rejects.toThrow(/between 1 % and 99 %/);
    expect(await getSuggestionThreshold()).toBe(0.8);
    expect(await updateSuggestionThreshold({ threshold: null, version: 1, actorId: admin!.id })).toEqual({ threshold: SUGGESTION_THRESHOLD, version: 2 });
    expect(await getSuggestionThreshold()).toBe(SUGGESTION_THRESHOLD);
    const audits = await db.select().from(t.auditEvents).where(eq(t.auditEvents.entityId, "suggestionThreshold"));
    expect(audits.map((a) => a.after)).toEqual([{ suggestionThreshold: "0.8" }, { suggestionThreshold: "" }]);
  });
});
