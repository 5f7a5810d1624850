import { describe, expect, it } from "vitest";
import type { LoadFigures } from "./cannon";
import { endpointRows, publicEndpoints } from "./public-load";

const figures = (rps: number, p99: number): LoadFigures => ({ rps, p50: p99 / 2, p99, requests: rps * 10, errors: 0, non2xx: 0 });

describe("endpointRows", () => {
  it("gives the page its throughput, its share of the static file's, and latency, with the page's goals", () => {
    const [page] = publicEndpoints("a-slug");
    const rows = endpointRows("sqlite: ", page!, figures(300, 40), figures(1200, 5), 1000);
    expect(rows.map((r) => [r.metric, r.value, r.goal, r.goalKind])).toEqual([
      ["sqlite: fact-check page: requests/s (static file 1200)", 300, undefined, undefined],
      ["sqlite: fact-check page: app ÷ static throughput", 25, 25, "min"],
      ["sqlite: fact-check page: p50", 20, undefined, undefined],
      ["sqlite: fact-check page: p99", 40, 50, "max"],
    ]);
  });

  it("reports the API and feed the same way, without goals", () => {
    const feed = publicEndpoints("a-slug").find((e) => e.name === "Atom feed")!;
    expect(endpointRows("", feed, figures(10, 90), figures(100, 1), 1).every((r) => r.goal === undefined)).toBe(true);
  });
});
