/**
 * Public endpoints under load: each measured on the app and, right after, on
 * a static server holding the bytes the app sent for it, so the table shows
 * how far the app is from the cheapest possible way to serve the same reply.
 */
import fs from "node:fs";
import path from "node:path";
import type { BenchResult } from "../types";
import { load, type LoadFigures, type LoadOptions } from "./cannon";
import { startHelper } from "./servers";

export type Endpoint = { name: string; path: string; goals: boolean };

export function publicEndpoints(slug: string): Endpoint[] {
  return [
    { name: "fact-check page", path: `/fact-checks/${slug}`, goals: true },
    { name: "JSON API list", path: "/api/public/fact-checks", goals: false },
    { name: "JSON API item", path: `/api/public/fact-checks/${slug}`, goals: false },
    { name: "Atom feed", path: "/fact-checks/feed.xml", goals: false },
  ];
}

/** Result rows for one endpoint: throughput, its share of the static baseline, latency. Goals only where `goals`. */
export function endpointRows(label: string, endpoint: Endpoint, app: LoadFigures, baseline: LoadFigures, bytes: number): BenchResult[] {
  const ratio = (app.rps / baseline.rps) * 100;
  const detail = { path: endpoint.path, bytes, app, static: baseline };
  const goal = <T extends object>(g: T) => (endpoint.goals ? g : {});
  return [
    { suite: "load", metric: `${label}${endpoint.name}: requests/s (static file ${Math.round(baseline.rps)})`, value: app.rps, unit: "req/s", detail },
    { suite: "load", metric: `${label}${endpoint.name}: app ÷ static throughput`, value: ratio, unit: "%", ...goal({ goal: 25, goalKind: "min" as const }) },
    { suite: "load", metric: `${label}${endpoint.name}: p50`, value: app.p50, unit: "ms" },
    { suite: "load", metric: `${label}${endpoint.name}: p99`, value: app.p99, unit: "ms", ...goal({ goal: 50, goalKind: "max" as const }) },
  ];
}

export async function measurePublic(base: string, slug: string, staticPort: number, workDir: string, options: LoadOptions, label: string): Promise<BenchResult[]> {
  const endpoints = publicEndpoints(slug);
  const routes: Record<string, { file: string; type: string }> = {};
  const sizes = new Map<string, number>();
  for (const [i, endpoint] of endpoints.entries()) {
    const response = await fetch(base + endpoint.path);
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new Error(`${endpoint.path}: HTTP ${response.status} from the app`);
    const file = path.join(workDir, `static-${i}`);
    fs.writeFileSync(file, body);
    routes[endpoint.path] = { file, type: response.headers.get("content-type") ?? "application/octet-stream" };
    sizes.set(endpoint.path, body.length);
  }
  const routesFile = path.join(workDir, "routes.json");
  fs.writeFileSync(routesFile, JSON.stringify(routes));
  const staticServer = await startHelper("static-server.ts", staticPort, [routesFile]);
  const results: BenchResult[] = [];
  try {
    for (const endpoint of endpoints) {
      console.error(`  … ${endpoint.path}`);
      const app = await load(base + endpoint.path, options);
      const baseline = await load(staticServer.base + endpoint.path, options);
      if (app.non2xx > 0 || app.errors > 0) console.error(`  ${endpoint.path}: ${app.non2xx} non-2xx replies, ${app.errors} errors`);
      results.push(...endpointRows(label, endpoint, app, baseline, sizes.get(endpoint.path)!));
    }
  } finally {
    await staticServer.stop();
  }
  return results;
}
