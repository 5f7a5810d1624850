/**
 * The whole reviewer path with the keyboard alone, no mouse: from page load
 * the skip link into the text, type-to-find a sentence deep in a demo
 * article, create the claim, find focus back in the text, open the claim,
 * propose a verdict (rating, rationale, citation, stance) and submit it.
 * Counts the key presses to the deep sentence: at most 5 plus the typed words.
 * Then axe with the `?` overlay open.
 */
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

const ARTICLE = fs.readFileSync(path.join(process.cwd(), "fixtures/articles/kratom-withdrawal-insomnia.txt"), "utf8");
/** Near the end of the article: 38 presses of `]` from the first sentence. */
const DEEP = "Studies on its impact regarding insomnia are limited, leaving much to be explored.";
const NEXT = "Understanding how Kratom influences sleep during opioid withdrawal is crucial for both users and healthcare providers, as managing insomnia effectively contributes to overall withdrawal success and well-being.";
const STATEMENT = "Few studies have looked at kratom's effect on insomnia.";

/** Key presses, counted; typed words are counted apart. */
class Keys {
  presses = 0;
  constructor(readonly page: Page) {}
  async press(key: string): Promise<void> {
    this.presses++;
    await this.page.keyboard.press(key);
  }
  type(text: string): Promise<void> {
    return this.page.keyboard.type(text);
  }
  /** Tab until the focused control is labelled `label` (Tab is a key press like any other). */
  async tabTo(label: string | RegExp, max = 40): Promise<void> {
    for (let i = 0; i < max; i++) {
      await this.press("Tab");
      if (matches(await focusedLabel(this.page), label)) return;
    }
    throw new Error(`Tab never reached "${label}"`);
  }
}

const matches = (text: string, label: string | RegExp) => (typeof label === "string" ? text === label : label.test(text));

function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
    // The label's words, without the "(required)" mark that required fields carry.
    return (el.labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? el.textContent ?? "").replace(/\s+/g, " ").replace(/\(required\)/, "").trim();
  });
}

const selection = (page: Page) => page.evaluate(() => window.getSelection()?.toString().replace(/\s+/g, " ").trim());

test("keyboard only: skip link, type-to-find, claim, verdict; focus stays where the reviewer is", async ({ reviewer }, testInfo) => {
  test.setTimeout(120_000);
  const id = await pages.import(reviewer).importArticle({ title: uniqueTitle(testInfo, "Keyboard path"), text: ARTICLE });
  const article = pages.article(reviewer);
  await article.goto(id);
  const text = article.text;
  const keys = new Keys(reviewer);

  // From page load: the first Tab shows the skip link, Enter lands in the text.
  await keys.press("Tab");
  const skip = reviewer.getByRole("link", { name: "Skip to article text" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await keys.press("Enter");
  await expect(text).toBeFocused();
  expect(keys.presses, "key presses from page load to the text").toBe(2);

  // `/`, a few words, Enter: the sentence is selected and focus is back in the text.
  await keys.press("/");
  const find = reviewer.getByRole("textbox", { name: "Find a sentence" });
  await expect(find).toBeFocused();
  await keys.type("impact regarding insomnia");
  await expect(reviewer.getByTestId("find-status")).toHaveText(/^1 sentence holds these words/);
  await keys.press("Enter");
  await expect(text).toBeFocused();
  await expect.poll(() => selection(reviewer)).toBe(DEEP);
  expect(keys.presses, "key presses from page load to a deep sentence, besides the typed words").toBeLessThanOrEqual(5);
  testInfo.annotations.push({ type: "key presses to the deep sentence", description: `${keys.presses} + typed words (before: 14 Tab + 38 ])` });

  // Escape in find goes back to the text, at the same sentence.
  await keys.press("/");
  await expect(find).toBeFocused();
  await keys.press("Escape");
  await expect(text).toBeFocused();
  await expect.poll(() => selection(reviewer)).toBe(DEEP);

  // Cancel the claim dialog: back in the text with the sentence still selected.
  await keys.press("c");
  const dialog = reviewer.getByRole("dialog", { name: "Add claim" });
  await expect(dialog.getByLabel("Plain restatement")).toBeFocused();
  await keys.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(text).toBeFocused();
  await expect.poll(() => selection(reviewer)).toBe(DEEP);

  // Save it: focus returns to the text just after the new claim, and `]` carries on from there.
  await keys.press("c");
  await expect(dialog.getByTestId("claim-quote")).toHaveText(DEEP);
  await keys.press("ControlOrMeta+a");
  await keys.type(STATEMENT);
  await keys.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(text).toBeFocused();
  await expect(text.locator("mark[data-claim-id]")).toHaveText(DEEP);
  await expect(article.claimEntry(STATEMENT).getByText("Open", { exact: true })).toBeVisible();
  await keys.press("]");
  await expect.poll(() => selection(reviewer)).toBe(NEXT);
  await keys.press("[");
  await expect.poll(() => selection(reviewer)).toBe(DEEP);

  // Enter on the highlighted claim opens it, with focus on its entry in the list.
  await keys.press("Enter");
  const entry = article.claimEntry(STATEMENT);
  await expect(entry).toBeFocused();
  await expect(entry).toHaveAttribute("aria-expanded", "true");

  // `v`: the verdict editor's rating. Every field by keyboard: typeahead in the selects, Tab between fields.
  await keys.press("v");
  const card = article.claimCard(STATEMENT);
  const rating = card.getByLabel("Rating");
  await expect(rating).toBeFocused();
  await keys.type("Accurate");
  await expect(rating.locator("option:checked")).toHaveText("Accurate");
  await keys.tabTo("Rationale");
  await keys.type("The article itself says studies are limited; no trial has measured kratom and sleep.");
  const citation = card.getByRole("group", { name: "Citation 1" });
  await keys.tabTo("Citation URL");
  await keys.type("https://doi.org/10.1016/j.drugalcdep.2019.107773");
  await keys.tabTo("Citation title");
  await keys.type("Withdrawal symptoms among regular kratom consumers");
  await keys.tabTo("Stance");
  await keys.type("Supports");
  await expect(citation.getByLabel("Stance")).toHaveValue("supports");
  await keys.tabTo("Submit for approval");
  await keys.press("Enter");
  await expect(entry.getByText("Verdict proposed", { exact: true })).toBeVisible();
  // The form closes to its read-only summary, which takes the focus (not dropped to the page), so Tab and `t` carry on from there.
  await expect(card.getByTestId("verdict-submitted")).toBeFocused();

  // `t`: back to the text where the reviewer left it.
  await keys.press("t");
  await expect(text).toBeFocused();
  await expect.poll(() => selection(reviewer)).toBe(DEEP);
  await reviewer.screenshot({ path: testInfo.outputPath("workspace.png") });

  // The `?` overlay lists the new paths; axe finds nothing serious with it open.
  await keys.press("?");
  const help = reviewer.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const label of ["Skip to article text", "Jump to the next paragraph", "Jump to the next heading", "Find: type a few words", "open the claim highlighted", "Next check-worthy suggestion", "Next claim"]) {
    await expect(help).toContainText(label);
  }
  await reviewer.screenshot({ path: testInfo.outputPath("shortcuts.png") });
  const { violations } = await new AxeBuilder({ page: reviewer }).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await keys.press("Escape");
  await expect(help).toHaveCount(0);
});

const HEADINGS_ARTICLE = [
  "# Kratom and withdrawal",
  "",
  "Kratom is sold as a natural aid for opioid withdrawal. Its effects are debated.",
  "",
  "## Sleep",
  "",
  "Some users report better sleep. Others report insomnia.",
  "",
  "Research on sleep is limited.",
].join("\n");

test("keyboard: heading and paragraph jumps land on sentences, and `]` carries on from there", async ({ reviewer }, testInfo) => {
  const id = await pages.import(reviewer).importArticle({
    title: uniqueTitle(testInfo, "Keyboard jumps"),
    file: { name: "kratom-sleep.md", mimeType: "text/markdown", content: HEADINGS_ARTICLE },
  });
  await pages.article(reviewer).goto(id);
  const text = pages.article(reviewer).text;
  await expect(text.getByRole("heading", { name: "Sleep" })).toBeVisible();
  const keys = new Keys(reviewer);
  await keys.press("Tab");
  await keys.press("Enter");
  await expect(text).toBeFocused();
  const expectSelected = (s: string) => expect.poll(() => selection(reviewer)).toBe(s);

  await keys.press("h");
  await expectSelected("Kratom and withdrawal");
  await keys.press("h");
  await expectSelected("Sleep");
  await keys.press("Shift+H");
  await expectSelected("Kratom and withdrawal");
  await keys.press("}");
  await expectSelected("Kratom is sold as a natural aid for opioid withdrawal.");
  await keys.press("]");
  await expectSelected("Its effects are debated.");
  await keys.press("{");
  await expectSelected("Kratom is sold as a natural aid for opioid withdrawal.");
  await keys.press("}");
  await keys.press("}");
  await expectSelected("Some users report better sleep.");
  await keys.press("}");
  await expectSelected("Research on sleep is limited.");
  // Nothing further: the selection stays and the toolbar says why.
  await keys.press("h");
  await expectSelected("Research on sleep is limited.");
  await expect(reviewer.getByTestId("annotation-hint")).toHaveText("No heading after this point.");
});
