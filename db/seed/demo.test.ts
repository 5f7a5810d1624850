/**
 * The check-worthy evaluation set (fixtures/evaluation/check-worthy.json,
 * scored by `npm run bench -- check-worthy`) labels the sentences of the demo
 * articles as the demo seed imports them: this keeps the two in step.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keptBlocks } from "@/lib/import-draft";
import { sentenceSpans } from "@/lib/sentences";
import { demoDraft } from "./demo-articles";

type Labelled = { articles: { file: string; title: string; sentences: { sentence: string; why: string }[] }[] };
const evaluation = JSON.parse(fs.readFileSync(path.join("fixtures", "evaluation", "check-worthy.json"), "utf8")) as Labelled;

describe("check-worthy evaluation set against the demo seed", () => {
  it("labels every sentence of the five demo articles, each with a written judgement", async () => {
    expect(evaluation.articles).toHaveLength(5);
    for (const article of evaluation.articles) {
      const blocks = keptBlocks((await demoDraft(article.file)).blocks);
      expect(article.sentences.map((s) => s.sentence)).toEqual(sentenceSpans(blocks).map((s) => s.text));
      for (const s of article.sentences) expect(s.why.length).toBeGreaterThan(3);
    }
  });
});
