/**
 * nginx in the load benchmark, three ways:
 * - static: the bytes the app sent for a page, from a file, gzipped ahead
 *   (gzip_static): the ceiling for serving that page on this machine;
 * - cache: deploy/nginx.conf as shipped in front of the app;
 * - balancer: a plain proxy over several app instances, nothing cached, to
 *   measure the instances themselves.
 * Each is real nginx (testing/nginx.ts) in a directory of its own under `workDir`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { siteConfig, startNginx, type RunningNginx } from "../../testing/nginx";
import type { Running } from "./servers";

const workers = () => Math.max(1, os.cpus().length);

/** host:port of an app's base URL, for an nginx upstream. */
const hostPort = (base: string) => new URL(base).host;

function freshDir(workDir: string, name: string): string {
  const dir = path.join(workDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function running(nginx: RunningNginx): Running {
  return { base: nginx.base, stop: nginx.stop };
}

/** `body` at `urlPath` with `type`, plain and gzipped, as nginx would serve a prebuilt site. */
export async function startStaticNginx(port: number, workDir: string, page: { urlPath: string; body: Buffer; type: string }): Promise<Running> {
  const dir = freshDir(workDir, "nginx-static");
  const file = path.join(dir, "page");
  fs.writeFileSync(file, page.body);
  fs.writeFileSync(`${file}.gz`, gzipSync(page.body));
  const [mime, ...params] = page.type.split(";").map((s) => s.trim());
  const charset = params.find((p) => p.toLowerCase().startsWith("charset="))?.slice(8);
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(mime ?? "") || !/^\/[\w/.-]*$/.test(page.urlPath)) throw new Error(`static nginx: unexpected type or path ${page.type} ${page.urlPath}`);
  const server = `
server {
    listen 127.0.0.1:${port};
    open_file_cache max=16;
    open_file_cache_valid 60s;
    location = /health { return 200 "ok"; }
    location = ${page.urlPath} {
        alias ${file};
        default_type ${mime};
        ${charset ? `charset ${charset};` : ""}
        gzip_static on;
    }
}
`;
  return running(await startNginx(dir, [server], port, { workers: workers() }));
}

/** deploy/nginx.conf in front of `apps`, as an operator would run it. */
export async function startCachingNginx(port: number, workDir: string, apps: Running[]): Promise<Running> {
  const dir = freshDir(workDir, "nginx-cache");
  const site = siteConfig({ listen: `127.0.0.1:${port}`, upstreams: apps.map((a) => hostPort(a.base)), cacheDir: path.join(dir, "cache") });
  return running(await startNginx(dir, [site], port, { workers: workers() }));
}

/** A load balancer over `apps` that caches nothing: every request reaches an instance, in turn. */
export async function startBalancingNginx(port: number, workDir: string, apps: Running[]): Promise<Running> {
  const dir = freshDir(workDir, "nginx-balancer");
  const conf = `
upstream factdesk_instances {
${apps.map((a) => `    server ${hostPort(a.base)};`).join("\n")}
    keepalive 64;
}
server {
    listen 127.0.0.1:${port};
    location / {
        proxy_pass http://factdesk_instances;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $http_host;
    }
}
`;
  return running(await startNginx(dir, [conf], port, { workers: workers() }));
}
