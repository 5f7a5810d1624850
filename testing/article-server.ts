/**
 * A local web server for import tests (unit and e2e): the pages in
 * fixtures/web plus the awkward cases a real site can produce — redirect
 * chains and loops, redirects to loopback and to the cloud metadata address,
 * huge and slow bodies, wrong content types, legacy charsets, compressed
 * bodies, and a "living" article whose text changes on request.
 * Binds to 127.0.0.1 only; the app reaches it only when IMPORT_ALLOW_HOSTS names it.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import iconv from "iconv-lite";

const WEB = path.resolve(import.meta.dirname, "../fixtures/web");
const page = (name: string) => fs.readFileSync(path.join(WEB, name));

export type ArticleServer = {
  origin: string;
  port: number;
  /** Paths requested so far, in order (tests assert that refused URLs were never requested). */
  hits: string[];
  close: () => Promise<void>;
};

export async function startArticleServer(port = 0): Promise<ArticleServer> {
  const hits: string[] = [];
  // Which version each living article serves; POST /living/<key>/next advances it.
  const living = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fixture");
    hits.push(url.pathname + url.search);
    const send = (status: number, type: string | null, body: Buffer | string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { ...(type ? { "content-type": type } : {}), ...headers });
      res.end(body);
    };
    const p = url.pathname;
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

    if (p === "/health") return send(200, "text/plain", "ok");
    if (p.startsWith("/pages/")) {
      const name = path.basename(p);
      if (!fs.existsSync(path.join(WEB, name))) return send(404, "text/plain", "not found");
      return send(200, "text/html; charset=utf-8", page(name));
    }
    // ClaimReview files served as a fact-checker's feed would be: a DataFeed as JSON, JSON-LD as ld+json.
    if (p.startsWith("/claimreview/")) {
      const file = path.join(WEB, "..", "claimreview", path.basename(p));
      if (!fs.existsSync(file)) return send(404, "text/plain", "not found");
      return send(200, p.endsWith(".jsonld") ? "application/ld+json" : "application/json", fs.readFileSync(file));
    }
    if (p === "/legacy-charset.html") {
      return send(200, "text/html; charset=windows-1252", iconv.encode(page("legacy-charset.html").toString("utf8"), "windows-1252"));
    }
    // No charset in the header: the <meta http-equiv> inside must be honoured.
    if (p === "/shift-jis.html") return send(200, "text/html", iconv.encode(page("shift-jis.html").toString("utf8"), "shift_jis"));
    if (p === "/gzip.html") return send(200, "text/html; charset=utf-8", zlib.gzipSync(page("with-article.html")), { "content-encoding": "gzip" });
    if (p === "/plain.txt") return send(200, "text/plain; charset=utf-8", "Kratom is a tropical tree.\n\nIts leaves contain alkaloids.");
    if (p === "/reports/northern-regions.pdf") return send(200, "application/pdf", fs.readFileSync(path.join(process.cwd(), "fixtures", "pdf", "report.pdf")));
    if (p === "/image.png") return send(200, "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    if (p === "/data.json") return send(200, "application/json", '{"title":"not a page"}');
    if (p === "/no-type") return send(200, null, "<p>no content type</p>");
    if (p === "/missing") return send(404, "text/html", "<h1>Not found</h1>");

    // Redirects: /redirect/chain/N hops N times then lands on the article.
    const chain = /^\/redirect\/chain\/(\d+)$/.exec(p);
    if (chain) {
      const n = Number(chain[1]);
      return send(302, "text/plain", "", { location: n > 1 ? `/redirect/chain/${n - 1}` : "/pages/with-article.html" });
    }
    if (p === "/redirect/loop") return send(301, "text/plain", "", { location: "/redirect/loop" });
    if (p === "/redirect/to-loopback-port") return send(302, "text/plain", "", { location: "http://127.0.0.1:1/secret" });
    if (p === "/redirect/to-localhost") return send(302, "text/plain", "", { location: "http://localhost/secret" });
    if (p === "/redirect/to-metadata") return send(302, "text/plain", "", { location: "http://169.254.169.254/latest/meta-data/" });
    if (p === "/redirect/to-file") return send(302, "text/plain", "", { location: "file:///etc/passwd" });

    if (p === "/huge") {
      // 12 MB of paragraphs, streamed without a content-length: only the streaming cap can stop it.
      res.writeHead(200, { "content-type": "text/html" });
      let sent = 0;
      const chunk = Buffer.from(`<p>${"kratom ".repeat(1000)}</p>\n`);
      const pump = () => {
        while (sent < 12 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("error", () => undefined);
      return pump();
    }
    if (p === "/huge-declared") return send(200, "text/html", "", { "content-length": String(50 * 1024 * 1024) });
    if (p === "/slow") {
      // Headers at once, then a byte every 500 ms: never finishes within a short deadline.
      res.writeHead(200, { "content-type": "text/html" });
      const timer = setInterval(() => res.write("."), 500);
      const stop = () => clearInterval(timer);
      res.on("close", stop);
      setTimeout(() => {
        stop();
        res.end();
      }, 60_000).unref();
      return;
    }

    const live = /^\/living\/([\w-]+)(\/next)?$/.exec(p);
    if (live) {
      const key = live[1]!;
      if (live[2] && req.method === "POST") {
        living.set(key, (living.get(key) ?? 1) + 1);
        return send(200, "text/plain", String(living.get(key)));
      }
      const version = Math.min(2, living.get(key) ?? 1);
      const html = page(`living-v${version}.html`).toString("utf8").replace('href="/living/canonical"', `href="${origin}/living/${key}"`);
      return send(200, "text/html; charset=utf-8", html);
    }
    send(404, "text/plain", "not found");
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  return {
    origin: `http://127.0.0.1:${actual}`,
    port: actual,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
