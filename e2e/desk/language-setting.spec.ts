/**
 * The language of the fact-checks is an admin's setting that machines read: ClaimReview's inLanguage on every
 * page and in the feed. A tag that is not one is refused in plain words. Runs with the organisation-wide
 * settings specs (playwright.config.ts), and puts the default back.
 */
import { expect, test } from "../fixtures/test";
import { waitForHydration } from "../fixtures/hydration";

test("an admin sets the fact-checks' language and ClaimReview says it everywhere", async ({ pageAs, request }) => {
  const admin = await pageAs("admin");
  const save = async (value: string) => {
    await admin.goto("/admin/settings");
    const button = admin.getByRole("button", { name: "Save language" });
    await waitForHydration(button);
    await admin.getByLabel("Language of your fact-checks").fill(value);
    await button.click();
  };
  const feedLanguages = async () => {
    const feed = (await (await request.get("/api/public/claimreview-feed.json")).json()) as { inLanguage: string; dataFeedElement: { item: { inLanguage?: string }[] }[] };
    return [feed.inLanguage, ...new Set(feed.dataFeedElement.flatMap((e) => e.item.map((r) => r.inLanguage)))];
  };

  await save("English please");
  await expect(admin.getByTestId("form-error")).toContainText("“English please” is not a language tag. Use a tag such as en, fr or pt-BR.");

  try {
    await save("en-gb");
    await expect(admin.getByTestId("toast")).toContainText("Saved: fact-checks are marked as written in “en-GB”.");
    await expect.poll(feedLanguages).toEqual(["en-GB", "en-GB"]);
  } finally {
    await save("en");
    await expect(admin.getByTestId("toast")).toContainText("“en”");
  }
  await expect.poll(feedLanguages).toEqual(["en", "en"]);
});
