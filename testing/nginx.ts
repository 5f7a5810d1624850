/**
 * Real nginx for specs and benchmarks: deploy/nginx.conf as shipped, with
 * only its three EDIT values (upstream servers, listen, cache directory)
 * replaced, run as this user in a directory of its own (pid, logs, temp files
 * and cache inside it), in the foreground so it dies with its parent.
 *
 *   const dir = fs.mkdtempSync(…);
 *   const nginx = await startNginx(dir, [siteConfig({ listen: "127.0.0.1:3901", upstreams: ["127.0.0.1:3900"], cacheDir: `${dir}/cache` })], 3901);
 *   …
 *   await nginx.stop();
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
const SHIPPED = path.resolve(__dirname, "..", "deploy", "nginx.conf");

/** Why nginx cannot be used here, or null when it can. */
export function nginxMissing(): string | null {
  if (!fs.existsSync(NGINX_BIN)) return `${NGINX_BIN} is missing (Debian: apt-get install nginx-light)`;
  const version = spawnSync(NGINX_BIN, ["-v"], { encoding: "utf8" });
  return version.status === 0 ? null : `${NGINX_BIN} -v failed: ${version.stderr}`;
}

export type SiteOptions = {
  /** `listen` value: "127.0.0.1:3901". */
  listen: string;
  /** host:port of each app instance. */
  upstreams: string[];
  /** The proxy_cache_path directory; created by nginx. */
  cacheDir: string;
};

const ADDRESS = /^[A-Za-z0-9.:[\]-]+$/;

/** Replaces `from` exactly once: the shipped file changed shape otherwise, and the test must say so rather than run another config. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`deploy/nginx.conf: expected exactly one "${from.trim()}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** deploy/nginx.conf with the three values an operator edits filled in; everything else as shipped. */
export function siteConfig({ listen, upstreams, cacheDir }: SiteOptions): string {
  for (const value of [listen, ...upstreams]) if (!ADDRESS.test(value)) throw new Error(`not a host:port: ${value}`);
  if (!path.isAbsolute(cacheDir) || /[\s;{}]/.test(cacheDir)) throw new Error(`cache directory must be absolute, without spaces or ;{}: ${cacheDir}`);
  if (upstreams.length === 0) throw new Error("at least one upstream");
  let text = fs.readFileSync(SHIPPED, "utf8");
  text = replaceOnce(text, "    server 127.0.0.1:3000; # EDIT: one line per app instance\n", upstreams.map((u) => `    server ${u};\n`).join(""));
  text = replaceOnce(text, "listen 80; # EDIT", `listen ${listen}; #`);
  text = replaceOnce(text, "proxy_cache_path /var/cache/nginx/factdesk ", `proxy_cache_path ${cacheDir} `);
  return text;
}

/**
 * Tests only: a pass-through server in front of the app that shortens every
 * s-maxage to `seconds`, so a spec sees a refresh without waiting a minute.
 * Point the site's upstream at `listen`. Forwarding headers pass unchanged.
 */
export function capSharedMaxAge({ listen, app, seconds }: { listen: string; app: string; seconds: number }): string {
  if (!ADDRESS.test(listen) || !ADDRESS.test(app) || !Number.isInteger(seconds) || seconds < 0) throw new Error("capSharedMaxAge: bad arguments");
  return `
map $upstream_http_cache_control $factdesk_test_cache_control {
    "~^(?<cc_head>.*)s-maxage=\\d+(?<cc_tail>.*)$" "\${cc_head}s-maxage=${seconds}\${cc_tail}";
    default $upstream_http_cache_control;
}
server {
    listen ${listen};
    location / {
        proxy_pass http://${app};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-For $http_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;
        proxy_set_header X-Forwarded-Host $http_x_forwarded_host;
        proxy_redirect off;
        proxy_hide_header Cache-Control;
        add_header Cache-Control $factdesk_test_cache_control always;
    }
}
`;
}

/** The main config around `http` snippets: foreground, pid, logs and temp files inside `dir`. */
function mainConfig(dir: string, http: string[], workers: number): string {
  const temp = (name: string) => path.join(dir, "temp", name);
  // As root, workers would run as "nobody" and could not write inside a private temp directory.
  const user = process.getuid?.() === 0 ? "user root;\n" : "";
  return `${user}daemon off;
master_process on;
worker_processes ${workers};
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 4096; }
http {
    # As in Debian's stock /etc/nginx/nginx.conf, which deploy/nginx.conf is included into.
    sendfile on;
    tcp_nopush on;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    gzip on;
    access_log off;
    client_body_temp_path ${temp("body")};
    proxy_temp_path ${temp("proxy")};
    fastcgi_temp_path ${temp("fastcgi")};
    uwsgi_temp_path ${temp("uwsgi")};
    scgi_temp_path ${temp("scgi")};
${http.map((s, i) => `    include ${path.join(dir, `part-${i}.conf`)};`).join("\n")}
}
`;
}

export type RunningNginx = { base: string; stop(): Promise<void>; errorLog(): string };

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** A port in [from, to] that nothing listens on, starting at a spot of `seed` so parallel runs spread out. */
export async function freePort(from: number, to: number, seed = process.pid): Promise<number> {
  const span = to - from + 1;
  for (let i = 0; i < span; i++) {
    const port = from + ((seed + i) % span);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

/**
 * Writes the config (checked with `nginx -t` first, for a readable error),
 * starts nginx and waits until `port` accepts connections.
 */
export async function startNginx(dir: string, http: string[], port: number, { workers = 1 } = {}): Promise<RunningNginx> {
  for (const name of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.mkdirSync(path.join(dir, "temp", name), { recursive: true });
  http.forEach((snippet, i) => fs.writeFileSync(path.join(dir, `part-${i}.conf`), snippet));
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(conf, mainConfig(dir, http, workers));
  const args = ["-p", dir, "-e", path.join(dir, "error.log"), "-c", conf];
  const check = spawnSync(NGINX_BIN, [...args, "-t", "-q"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  if (await answers(port)) throw new Error(`port ${port} is already in use`);
  const child = spawn(NGINX_BIN, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  // SIGTERM, never SIGKILL: the master takes its workers down with it; killed outright, it would leave them running.
  const reap = () => child.kill("SIGTERM");
  process.once("exit", reap);
  child.once("exit", () => process.removeListener("exit", reap));
  const errorLog = () => stderr + (fs.existsSync(path.join(dir, "error.log")) ? fs.readFileSync(path.join(dir, "error.log"), "utf8") : "");
  const deadline = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`nginx did not start on port ${port}:\n${errorLog()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { base: `http://127.0.0.1:${port}`, stop, errorLog };
}
