/** A Check export fixture folder (fixtures/check-export/<version>) zipped the way Check sends it, in a top folder, with any extra files. */
import fs from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";

export function checkExportZip(version: "v1" | "v2", extra: Record<string, string> = {}): Uint8Array {
  const dir = path.join(process.cwd(), "fixtures", "check-export", version);
  const files: Record<string, Uint8Array> = Object.fromEntries(fs.readdirSync(dir).map((f) => [`check-export/${f}`, new Uint8Array(fs.readFileSync(path.join(dir, f)))]));
  for (const [name, text] of Object.entries(extra)) files[`check-export/${name}`] = strToU8(text);
  return zipSync(files);
}
