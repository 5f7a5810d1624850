/**
 * The baseline for the public pages: the same bytes the app sent, served from
 * memory by a bare Node http server, in its own process.
 *   tsx bench/lib/static-server.ts <port> <routes.json>
 * routes.json maps a request path to { file, type }. /health answers 200.
 */
import fs from "node:fs";
import http from "node:http";

type Route = { body: Buffer; type: string };

const [port, routesFile] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(routesFile!, "utf8")) as Record<string, { file: string; type: string }>;
const routes = new Map<string, Route>(Object.entries(spec).map(([p, r]) => [p, { body: fs.readFileSync(r.file), type: r.type }]));

http
  .createServer((req, res) => {
    if (req.url === "/health") return res.end("ok");
    const route = routes.get(req.url ?? "");
    if (!route) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "content-type": route.type, "content-length": route.body.length });
    res.end(route.body);
  })
  .listen(Number(port), "127.0.0.1");
