/**
 * `npm run eval:import`: runs the import extraction on the real pages of
 * fixtures/import-pages and prints, per page and as a mean for the tuning
 * and the held-out half, how many blocks a reviewer must change by hand
 * (the rule is in server/import/evaluation.ts). `-- --write` records the
 * figures in fixtures/import-pages/results.json, which the unit test holds
 * the extraction to.
 */
import fs from "node:fs";
import path from "node:path";
import { evaluateAll, mean, PAGES_DIR, type PageResult } from "../server/import/evaluation";

const results = evaluateAll();
const row = (r: PageResult) => `| ${r.name} | ${r.kind} | ${r.half} | ${r.blocks} | ${r.keptNotInArticle} | ${r.leftOutInArticle} | **${r.changes}** |`;
console.log("| page | kind | half | blocks | kept, not article | left out, article | changes |");
console.log("| --- | --- | --- | ---: | ---: | ---: | ---: |");
for (const r of results) console.log(row(r));
for (const half of ["tuning", "held-out"] as const) {
  const part = results.filter((r) => r.half === half);
  console.log(`\n${half}: ${part.length} pages${part.length ? `, mean ${mean(part).toFixed(2)} changes per article` : ""}`);
}
console.log(`all: ${results.length} pages, mean ${mean(results).toFixed(2)} changes per article`);

if (process.argv.includes("--write")) {
  const file = path.join(PAGES_DIR, "results.json");
  fs.writeFileSync(file, `${JSON.stringify(Object.fromEntries(results.map((r) => [r.name, r.changes])), null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}
