/**
 * Transcripts through the whole loop: a debate as WebVTT, SubRip and speaker-turn text is imported with its
 * speakers and times; a claim in a turn takes the speaker as its claimant and the moment in the recording as
 * where it appeared; an editor approves and publishes; readers see who said it and when, and ClaimReview's
 * appearance is the recording, with that moment as a Clip.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

const SENTENCE = "Unemployment fell to 3.9 percent last year.";
const STATEMENT = "Unemployment in the county fell to 3.9 percent last year";
const RECORDING = "https://video.example.org/riverside-debate.mp4";
const VERDICT = {
  rating: "Accurate",
  rationale: "The county's labour statistics give 3.9 percent for last year.",
  citation: { url: "https://example.org/county-labour-statistics", title: "County labour statistics", publisher: "County statistics office", quote: "Unemployment rate: 3.9 percent.", stance: "supports" as const },
};

for (const [file, mimeType] of [
  ["debate.vtt", "text/vtt"],
  ["debate.srt", "application/x-subrip"],
  ["debate.txt", "text/plain"],
] as const) {
  test(`a debate transcript (${file}) goes from import to a published claim credited to its speaker`, async ({ reviewer, editor, anonymous }, testInfo) => {
    const title = uniqueTitle(testInfo, `Riverside debate ${file}`);
    const content = fs.readFileSync(path.join(process.cwd(), "fixtures", "transcripts", file));
    const importer = pages.import(reviewer);
    await importer.goto();
    await importer.fill({ title, sourceUrl: RECORDING, file: { name: file, mimeType, content } });
    // The preview says who speaks and when.
    await expect(importer.block(SENTENCE)).toContainText("Alex Morgan, at 0:24");
    const id = await importer.submit();

    const article = pages.article(reviewer);
    await expect(article.text.locator('[data-marker="Alex Morgan, at 0:24"]')).toContainText(SENTENCE);
    await article.addClaim(SENTENCE, STATEMENT);
    await expect(article.claimEntry(STATEMENT).getByTestId("claim-position")).toHaveText(/^Claim 1 · 1st in the text · Alex Morgan, at 0:24/);
    // The speaker is the claimant, the moment in the recording is where it appeared.
    const card = await article.openClaim(STATEMENT);
    await expect(card).toContainText("Alex Morgan");
    await article.proposeVerdict(STATEMENT, VERDICT);

    const approvals = pages.approvals(editor);
    await approvals.goto();
    await approvals.approve(STATEMENT, title, "Checked against the county's figures.");
    const editorArticle = pages.article(editor);
    await editorArticle.goto(id);
    await editorArticle.publish("The figure in the debate is right.");

    const site = pages.publicSite(anonymous);
    await site.open(title);
    const claim = site.claim(STATEMENT);
    await expect(claim.getByTestId("claimant")).toHaveText("Alex Morgan");
    await expect(claim).toContainText("Claimed by Alex Morgan, at 0:24");
    await expect(claim.getByRole("link", { name: "where it appeared" })).toHaveAttribute("href", `${RECORDING}#t=24`);
    const review = (await site.jsonLd()).find((j) => j["@type"] === "ClaimReview")!;
    const item = review["itemReviewed"] as { author?: { name?: string }; appearance?: Record<string, unknown> };
    expect(item.author?.name).toBe("Alex Morgan");
    // The claim appeared in the recording, at a moment: a VideoObject with the moment as a Clip, in seconds.
    expect(item.appearance).toMatchObject({ "@type": "VideoObject", url: RECORDING, hasPart: { "@type": "Clip", name: "Alex Morgan, at 0:24", startOffset: 24, url: `${RECORDING}#t=24` } });
  });
}
