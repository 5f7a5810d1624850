/** A Check export fixture folder (fixtures/check-export/<version>) zipped the way Check sends it, in a top folder, with any extra files. */
import fs from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";

/**
 * With `run`, every member address, web address and Check id is made unique to that run (a test database is
 * shared by the tests of a run, and an import never brings the same row in twice): "rita@verifica.example" →
 * "rita@verifica-<run>.example", "https://verifica.example/cafe" → "https://verifica.example/<run>/cafe",
 * "9001," at a line start → "<run>-9001,".
 */
export function checkExportZip(version: "v1" | "v2", extra: Record<string, string> = {}, run?: string): Uint8Array {
  const dir = path.join(process.cwd(), "fixtures", "check-export", version);
  const unique = (text: string) =>
    run
      ? text
          .replace(/@([a-z-]+)\.example/g, `@$1-${run}.example`)
          .replace(/(https:\/\/[a-z.-]+\.example)\//g, `$1/${run}/`)
          .replace(/^(\d+),/gm, `${run}-$1,`)
      : text;
  const files: Record<string, Uint8Array> = Object.fromEntries(fs.readdirSync(dir).map((f) => [`check-export/${f}`, strToU8(unique(fs.readFileSync(path.join(dir, f), "utf8")))]));
  for (const [name, text] of Object.entries(extra)) files[`check-export/${name}`] = strToU8(text);
  return zipSync(files);
}
