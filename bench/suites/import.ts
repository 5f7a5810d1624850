import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { draftFromHtml } from "../../server/import/extract-html";
import { percentile, type BenchSuite } from "../types";

/**
 * A ~1 MB news page: the with-article fixture's chrome around a long
 * article, plus the inline scripts, styles and comment threads that make
 * real pages heavy.
 */
function megabytePage(): string {
  const base = fs.readFileSync(new URL("../../fixtures/web/with-article.html", import.meta.url), "utf8");
  const paragraph = (i: number) =>
    `<p>Paragraph ${i}: Kratom contains alkaloids that interact with the <a href="/x${i}">opioid receptors</a> in the brain, <em>researchers say</em>, and more trials are needed.</p>\n`;
  const script = `<script>window.__data = ${JSON.stringify({ items: Array.from({ length: 400 }, (_, i) => ({ id: i, text: "tracking payload ".repeat(8) })) })};</script>\n`;
  const comments = Array.from({ length: 300 }, (_, i) => `<li class="comment"><p>Comment ${i}: I tried kratom and it worked for me.</p><a href="/reply">Reply</a></li>`).join("\n");
  let article = "";
  for (let i = 0; article.length < 830_000; i++) article += paragraph(i);
  const page = base
    .replace("<article>", `<article>${article}`)
    .replace("</head>", `${script.repeat(3)}</head>`)
    .replace('<section id="comments" class="comments">', `<section id="comments" class="comments"><ol>${comments}</ol>`);
  return page;
}

export const suite: BenchSuite = {
  name: "import",
  async run() {
    const html = megabytePage();
    const times: number[] = [];
    let blocks = 0;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const draft = draftFromHtml(html, { url: "https://news.example/a", source: { kind: "url", label: "bench" }, readerView: true, keepHtml: true });
      times.push(performance.now() - t0);
      blocks = draft.blocks.filter((b) => !b.drop).length;
    }
    return [
      {
        suite: "import",
        metric: `extract a ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB HTML page (median of 5)`,
        value: percentile(times, 50),
        unit: "ms",
        detail: { bytes: Buffer.byteLength(html), keptBlocks: blocks, first: times[0] },
      },
    ];
  },
};
