/**
 * A self-signed certificate for 127.0.0.1 and localhost, made once per test
 * process, for the local https servers of the single sign-on specs; its PEM
 * file is what an app server is told to trust (NODE_EXTRA_CA_CERTS).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generate } from "selfsigned";

export type TestCertificate = { key: string; cert: string; file: string };

let made: Promise<TestCertificate> | null = null;

export function testCertificate(): Promise<TestCertificate> {
  made ??= generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }, { type: 2, value: "localhost" }] },
    ],
  }).then((pems) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-tls-")), "cert.pem");
    fs.writeFileSync(file, pems.cert);
    process.once("exit", () => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    return { key: pems.private, cert: pems.cert, file };
  });
  return made;
}
