/**
 * Internal addresses written in unusual ways, typed as the URL, handed back
 * by DNS, or reached through a redirect from an allowed host: each is refused
 * before any connection to it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, type FetchPolicy } from "./fetch-policy";
import { checkTarget, safeFetch, type ResolvedAddress, type Resolver } from "./safe-fetch";

/** Spellings of loopback, unspecified and scoped addresses, and what the refusal says. */
const SPELLINGS: [string, RegExp][] = [
  ["http://[::127.0.0.1]/", /IPv4-compatible.*loopback/],
  ["http://[::7f00:1]/", /IPv4-compatible.*loopback/],
  ["http://[::a9fe:a9fe]/latest/meta-data/", /IPv4-compatible.*link-local/],
  ["http://[0:0:0:0:0:ffff:127.0.0.1]/", /mapped.*loopback/],
  ["http://[::ffff:7f00:1]/", /mapped.*loopback/],
  ["http://[::ffff:0:7f00:1]/", /outside the global unicast range/],
  ["http://[64:ff9b::127.0.0.1]/", /NAT64.*loopback/],
  ["http://[64:ff9b:1::7f00:1]/", /NAT64/],
  ["http://[2002:7f00:1::]/", /6to4/],
  ["http://[100:0:0:1::1]/", /dummy/],
  ["http://[5f00::1]/", /segment-routing/],
  ["http://[fec0::1]/", /site-local/],
  ["http://2130706433/", /loopback/],
  ["http://0177.0.0.1/", /loopback/],
  ["http://0x7f.1/", /loopback/],
  ["http://127.1/", /loopback/],
  // The URL standard has no zone identifiers: the address does not parse at all.
  ["http://[fe80::1%25eth0]/", /not a complete web address|invalid address/],
  ["http://[::]/", /unspecified/],
  ["http://0.0.0.0/", /unspecified/],
];

/** How a resolver (libuv's inet_ntop among them) may spell internal answers. */
const FAKE_DNS: Record<string, string> = {
  "compat.test": "::127.0.0.1",
  "compat-hex.test": "::7f00:1",
  "mapped-long.test": "0:0:0:0:0:ffff:127.0.0.1",
  "nat64.test": "64:ff9b::a9fe:a9fe",
  "sixtofour.test": "2002:a00:1::1",
  "public-mapped.test": "::ffff:93.184.216.34",
};
const fakeResolver: Resolver = async (host) => {
  const address = FAKE_DNS[host];
  if (!address) throw new Error("ENOTFOUND");
  return [{ address, family: address.includes(":") ? 6 : 4 }];
};

describe("unusual spellings in the URL", () => {
  it.each(SPELLINGS)("%s", async (url, message) => {
    const connects: string[] = [];
    await expect(safeFetch(url, DEFAULT_POLICY, { resolve: fakeResolver, onConnect: (u) => connects.push(u.href) })).rejects.toThrow(message);
    expect(connects).toEqual([]);
  });
});

describe("unusual spellings in DNS answers", () => {
  it.each([
    ["http://compat.test/", /IPv4-compatible.*loopback/],
    ["http://compat-hex.test/", /IPv4-compatible.*loopback/],
    ["http://mapped-long.test/", /mapped.*loopback/],
    ["http://nat64.test/", /NAT64.*link-local/],
    ["http://sixtofour.test/", /6to4/],
  ])("%s", async (url, message) => {
    const connects: string[] = [];
    await expect(safeFetch(url, DEFAULT_POLICY, { resolve: fakeResolver, onConnect: (u) => connects.push(u.href) })).rejects.toThrow(message);
    expect(connects).toEqual([]);
  });

  it("dials the IPv4 host a public mapped answer names", async () => {
    const target: ResolvedAddress = await checkTarget(new URL("http://public-mapped.test/"), DEFAULT_POLICY, fakeResolver);
    expect(target).toEqual({ address: "93.184.216.34", family: 4 });
  });
});

describe("unusual spellings behind a redirect from an allowed host", () => {
  let server: http.Server;
  let origin = "";
  beforeAll(async () => {
    // Redirects to whatever ?to= names, as a hostile page on an allowed host could.
    server = http.createServer((req, res) => {
      const to = new URL(req.url ?? "/", "http://local").searchParams.get("to") ?? "/";
      res.writeHead(302, { location: to, "content-type": "text/plain" }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // A short deadline: a policy that let one through would otherwise wait on the connection.
  const policy = (): FetchPolicy => ({ ...DEFAULT_POLICY, timeoutMs: 3000, allowHosts: [{ host: "127.0.0.1", port: Number(new URL(origin).port) }] });

  it.each(SPELLINGS)("%s", async (target, message) => {
    const start = `${origin}/?to=${encodeURIComponent(target)}`;
    const connects: string[] = [];
    await expect(safeFetch(start, policy(), { resolve: fakeResolver, onConnect: (u) => connects.push(u.href) })).rejects.toThrow(message);
    expect(connects).toEqual([start]);
  });
});
