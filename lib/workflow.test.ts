import { describe, expect, it } from "vitest";
import {
  anchorReviewBlocker,
  ARTICLE_STATUSES,
  canProposeVerdict,
  CLAIM_STATUSES,
  deriveArticleStatus,
  isArticleStatus,
  isWorkflowStatus,
  publishBlocker,
  reviewBlocker,
  slugify,
  STATUS_LABELS,
  type ClaimStatus,
} from "./workflow";

describe("deriveArticleStatus", () => {
  it.each<[ClaimStatus[], string]>([
    [[], "draft"],
    [["excluded"], "draft"],
    [["excluded", "excluded"], "draft"],
    [["open"], "in_review"],
    [["approved", "open"], "in_review"],
    [["verdict_proposed", "changes_requested"], "in_review"],
    [["approved", "changes_requested", "excluded"], "in_review"],
    [["verdict_proposed"], "awaiting_approval"],
    [["approved", "verdict_proposed"], "awaiting_approval"],
    [["verdict_proposed", "excluded"], "awaiting_approval"],
    [["approved"], "approved"],
    [["approved", "approved", "excluded"], "approved"],
  ])("%j → %s", (claims, expected) => {
    expect(deriveArticleStatus(claims, false)).toBe(expected);
  });

  it("keeps a live publication published whatever its claims do", () => {
    for (const claims of [[], ["open"], ["verdict_proposed"], ["approved"], ["changes_requested", "excluded"]] as ClaimStatus[][]) {
      expect(deriveArticleStatus(claims, true)).toBe("published");
    }
  });

  it("only ever returns an article status", () => {
    for (const a of CLAIM_STATUSES) for (const b of CLAIM_STATUSES) {
      expect(ARTICLE_STATUSES).toContain(deriveArticleStatus([a, b], false));
    }
  });
});

describe("publishBlocker", () => {
  it("refuses an article without checkable claims", () => {
    expect(publishBlocker([])).toMatch(/no claims to publish/);
    expect(publishBlocker(["excluded"])).toMatch(/no claims to publish/);
  });

  it("counts the claims that are not approved yet, in words", () => {
    expect(publishBlocker(["approved", "open"])).toBe(
      "1 claim is not approved yet. Every claim that is not excluded needs an approved verdict before publishing.",
    );
    expect(publishBlocker(["verdict_proposed", "changes_requested", "approved", "excluded"])).toMatch(/^2 claims are not approved yet\./);
  });

  it("allows publishing when every non-excluded claim is approved", () => {
    expect(publishBlocker(["approved"])).toBeNull();
    expect(publishBlocker(["approved", "excluded", "approved"])).toBeNull();
  });
});

describe("reviewBlocker", () => {
  const ok = { claimStatus: "verdict_proposed" as ClaimStatus, isCurrentRevision: true, authorId: "author", editorId: "editor", alreadyReviewedByEditor: false };

  it("lets another editor review the current, proposed revision", () => {
    expect(reviewBlocker(ok)).toBeNull();
  });

  it("enforces the two-person rule first, whatever else is wrong", () => {
    expect(reviewBlocker({ ...ok, editorId: "author" })).toMatch(/two-person rule/);
    expect(reviewBlocker({ ...ok, editorId: "author", isCurrentRevision: false, claimStatus: "approved" })).toMatch(/two-person rule/);
  });

  it("refuses a superseded revision", () => {
    expect(reviewBlocker({ ...ok, isCurrentRevision: false })).toMatch(/revised since you opened it/);
  });

  it.each<ClaimStatus>(["open", "changes_requested", "approved", "excluded"])("refuses a claim in status %s", (claimStatus) => {
    expect(reviewBlocker({ ...ok, claimStatus })).toBe("This verdict is not awaiting approval.");
  });

  it("refuses a second review by the same editor", () => {
    expect(reviewBlocker({ ...ok, alreadyReviewedByEditor: true })).toMatch(/already reviewed/);
  });
});

describe("canProposeVerdict", () => {
  it("allows every status except excluded, including re-proposing an approved verdict", () => {
    expect(CLAIM_STATUSES.filter(canProposeVerdict)).toEqual(["open", "verdict_proposed", "changes_requested", "approved"]);
  });
});

describe("slugify", () => {
  it.each([
    ["Does Vitamin D Prevent Colds?", "does-vitamin-d-prevent-colds"],
    ["  Ça dépend: Crème brûlée & naïve café  ", "ca-depend-creme-brulee-naive-cafe"],
    ["COVID-19 vaccines — 95% effective?", "covid-19-vaccines-95-effective"],
    ["Zinc 🌞 cures flu!!!", "zinc-cures-flu"],
    ["---", "fact-check"],
    ["", "fact-check"],
    ["日本語のみ", "fact-check"],
    ["ﬁve ﬁnes", "five-fines"],
  ])("%j → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("caps the slug at 80 characters without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(79)} b`);
    expect(slug).toBe("a".repeat(79));
    const long = slugify("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("STATUS_LABELS", () => {
  it("labels every article and claim status", () => {
    for (const s of [...ARTICLE_STATUSES, ...CLAIM_STATUSES]) expect(STATUS_LABELS[s]).toMatch(/^[A-Z]/);
  });
});

describe("status guards", () => {
  it("accept exactly the declared statuses", () => {
    for (const s of ARTICLE_STATUSES) expect(isArticleStatus(s), s).toBe(true);
    for (const s of [...ARTICLE_STATUSES, ...CLAIM_STATUSES]) expect(isWorkflowStatus(s), s).toBe(true);
    expect(isArticleStatus("open")).toBe(false);
    for (const bad of [undefined, null, "", "Draft", "__proto__", "toString", 1]) {
      expect(isArticleStatus(bad), String(bad)).toBe(false);
      expect(isWorkflowStatus(bad), String(bad)).toBe(false);
    }
  });
});

describe("anchorReviewBlocker", () => {
  it("allows publishing when every checkable claim is anchored or confirmed moved", () => {
    expect(anchorReviewBlocker([{ status: "approved", anchorStatus: "anchored" }, { status: "approved", anchorStatus: "moved" }])).toBeNull();
  });

  it("blocks while a claim's position needs review or the claim is orphaned", () => {
    expect(anchorReviewBlocker([{ status: "approved", anchorStatus: "needs_review" }])).toMatch(/^1 claim's position/);
    expect(anchorReviewBlocker([{ status: "approved", anchorStatus: "orphaned" }, { status: "approved", anchorStatus: "needs_review" }])).toMatch(/^2 claims' position/);
  });

  it("ignores excluded claims, which readers never see", () => {
    expect(anchorReviewBlocker([{ status: "excluded", anchorStatus: "orphaned" }])).toBeNull();
  });
});
