import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startArticleServer, type ArticleServer } from "@/testing/article-server";
import { DEFAULT_POLICY, parseHostRules, parsePorts, type FetchPolicy } from "./fetch-policy";
import { safeFetch, type ResolvedAddress, type Resolver } from "./safe-fetch";

let server: ArticleServer;
beforeAll(async () => {
  server = await startArticleServer(Number(process.env.FIXTURE_PORT ?? 3321));
});
afterAll(() => server.close());

/** The fixture server, allowed by name (as IMPORT_ALLOW_HOSTS=127.0.0.1:<port> would). */
const allowed = (extra: Partial<FetchPolicy> = {}): FetchPolicy => ({ ...DEFAULT_POLICY, allowHosts: [{ host: "127.0.0.1", port: server.port }], ...extra });

/** Names tests use: never real DNS. */
const FAKE_DNS: Record<string, string[]> = {
  "internal.test": ["10.0.0.5"],
  "metadata.test": ["169.254.169.254"],
  "mixed.test": ["93.184.216.34", "192.168.0.10"],
  "v6-loopback.test": ["::1"],
  "mapped.test": ["::ffff:127.0.0.1"],
  "fixture.test": ["127.0.0.1"],
};
function fakeResolver(calls: string[] = []): Resolver {
  return async (host) => {
    calls.push(host);
    const found = FAKE_DNS[host];
    if (!found) throw new Error("ENOTFOUND");
    return found.map((address): ResolvedAddress => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

describe("safeFetch refuses before connecting", () => {
  const cases: [string, RegExp][] = [
    ["http://127.0.0.1/", /loopback/],
    ["http://127.0.0.1:3321/pages/with-article.html", /Port 3321 is not allowed/],
    ["http://2130706433/", /loopback/],
    ["http://0x7f.0.0.1/", /loopback/],
    ["http://0x7f000001/", /loopback/],
    ["http://0177.0.0.1/", /loopback/],
    ["http://017700000001/", /loopback/],
    ["http://127.1/", /loopback/],
    ["http://0/", /unspecified/],
    ["http://0.0.0.0/", /unspecified/],
    ["http://[::1]/", /loopback/],
    ["http://[::]/", /unspecified/],
    ["http://[::ffff:127.0.0.1]/", /loopback/],
    ["http://[::ffff:7f00:1]/", /loopback/],
    ["http://[::ffff:a9fe:a9fe]/latest/meta-data/", /link-local/],
    ["http://169.254.169.254/latest/meta-data/", /link-local/],
    ["http://2852039166/latest/meta-data/", /link-local/],
    ["http://10.0.0.1/", /private/],
    ["http://172.20.1.1/", /private/],
    ["http://192.168.1.1/", /private/],
    ["http://100.64.0.1/", /carrier-grade NAT/],
    ["http://224.0.0.1/", /multicast/],
    ["http://255.255.255.255/", /broadcast/],
    ["http://240.0.0.1/", /reserved/],
    ["http://[fd00::1]/", /unique local/],
    ["http://[fe80::1]/", /link-local/],
    ["http://[ff02::1]/", /multicast/],
    ["http://[64:ff9b::7f00:1]/", /NAT64/],
    ["http://[2002:7f00:1::]/", /6to4/],
    ["http://internal.test/", /private/],
    ["http://metadata.test/", /link-local/],
    ["http://mixed.test/", /private/],
    ["http://v6-loopback.test/", /loopback/],
    ["http://mapped.test/", /loopback/],
    ["http://nowhere.test/", /could not be found/],
    ["https://internal.test:443/", /private/],
    ["http://93.184.216.34:22/", /Port 22 is not allowed/],
    ["http://93.184.216.34:8080/", /Port 8080 is not allowed/],
    ["ftp://93.184.216.34/file.txt", /Only http/],
    ["file:///etc/passwd", /Only http/],
    ["gopher://93.184.216.34/", /Only http/],
    ["javascript:alert(1)", /Only http/],
    ["data:text/html,<p>x</p>", /Only http/],
    ["http://user:secret@93.184.216.34/", /user name or password/],
    ["not a url", /not a complete web address/],
  ];
  it.each(cases)("%s", async (url, message) => {
    const connects: string[] = [];
    await expect(safeFetch(url, DEFAULT_POLICY, { resolve: fakeResolver(), onConnect: (u) => connects.push(u.href) })).rejects.toThrow(message);
    expect(connects).toEqual([]);
  });
});

describe("the allowlist (IMPORT_ALLOW_HOSTS)", () => {
  it("is off by default: the local fixture server is refused", async () => {
    const before = server.hits.length;
    await expect(safeFetch(`${server.origin}/pages/with-article.html`, { ...DEFAULT_POLICY, allowPorts: [server.port] })).rejects.toThrow(/loopback/);
    expect(server.hits.length).toBe(before);
  });

  it("lets the named host:port through", async () => {
    const page = await safeFetch(`${server.origin}/pages/with-article.html`, allowed());
    expect(page.contentType).toBe("text/html");
    expect(page.text).toContain("Kratom contains alkaloids");
  });

  it("does not extend to other ports of the same host", async () => {
    await expect(safeFetch(`${server.origin}/pages/with-article.html`, { ...DEFAULT_POLICY, allowHosts: [{ host: "127.0.0.1", port: server.port + 1 }] })).rejects.toThrow(/Port/);
  });

  it("connects to the address it checked, resolving each name once (no second lookup)", async () => {
    const calls: string[] = [];
    const page = await safeFetch(`http://fixture.test:${server.port}/pages/no-article.html`, { ...DEFAULT_POLICY, allowHosts: [{ host: "fixture.test", port: server.port }] }, { resolve: fakeResolver(calls) });
    expect(page.text).toContain("withdrawal insomnia");
    expect(calls).toEqual(["fixture.test"]);
  });

  it("parses the setting", () => {
    expect(parseHostRules(" 127.0.0.1:3320, Fixtures.test ,[::1]:8080")).toEqual([
      { host: "127.0.0.1", port: 3320 },
      { host: "fixtures.test", port: null },
      { host: "[::1]", port: 8080 },
    ]);
    expect(() => parseHostRules("http://x")).toThrow(/IMPORT_ALLOW_HOSTS/);
    expect(parsePorts(undefined)).toEqual([80, 443]);
    expect(parsePorts("80,8080")).toEqual([80, 8080]);
    expect(() => parsePorts("99999")).toThrow(/IMPORT_ALLOW_PORTS/);
  });
});

describe("redirects", () => {
  it("follows a chain of up to five, checking each hop", async () => {
    const page = await safeFetch(`${server.origin}/redirect/chain/5`, allowed());
    expect(page.redirects).toHaveLength(5);
    expect(page.url).toBe(`${server.origin}/pages/with-article.html`);
  });

  it("refuses a sixth redirect and a loop", async () => {
    await expect(safeFetch(`${server.origin}/redirect/chain/6`, allowed())).rejects.toThrow(/more than 5 times/);
    await expect(safeFetch(`${server.origin}/redirect/loop`, allowed())).rejects.toThrow(/more than 5 times/);
  });

  it.each([
    ["/redirect/to-metadata", /link-local/],
    ["/redirect/to-loopback-port", /Port 1 is not allowed/],
    ["/redirect/to-localhost", /loopback/],
    ["/redirect/to-file", /Only http/],
  ])("refuses %s without connecting to the target", async (path, message) => {
    const connects: string[] = [];
    await expect(safeFetch(`${server.origin}${path}`, allowed(), { onConnect: (u) => connects.push(u.href) })).rejects.toThrow(message);
    expect(connects).toEqual([`${server.origin}${path}`]);
  });
});

describe("bodies", () => {
  it("stops a huge streamed body at the byte cap", async () => {
    await expect(safeFetch(`${server.origin}/huge`, allowed({ maxBytes: 1024 * 1024 }))).rejects.toThrow(/larger than 1 MB/);
  });

  it("refuses a body whose declared length is over the cap", async () => {
    await expect(safeFetch(`${server.origin}/huge-declared`, allowed())).rejects.toThrow(/larger than 5 MB/);
  });

  it("gives up on a slow body at the deadline", async () => {
    const started = Date.now();
    await expect(safeFetch(`${server.origin}/slow`, allowed({ timeoutMs: 1500 }))).rejects.toThrow(/within 2 seconds/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each([
    ["/image.png", /image\/png/],
    ["/data.json", /application\/json/],
    ["/no-type", /content without a type/],
    ["/missing", /answered 404/],
  ])("refuses %s", async (path, message) => {
    await expect(safeFetch(`${server.origin}${path}`, allowed())).rejects.toThrow(message);
  });

  it("accepts a type the policy adds (a ClaimReview feed as JSON), and still refuses the others", async () => {
    const feed = await safeFetch(`${server.origin}/claimreview/datafeed.json`, allowed({ extraTypes: ["application/json"] }));
    expect(feed.contentType).toBe("application/json");
    expect(JSON.parse(feed.text)["@type"]).toBe("DataFeed");
    await expect(safeFetch(`${server.origin}/image.png`, allowed({ extraTypes: ["application/json"] }))).rejects.toThrow(/image\/png/);
  });

  it("decodes windows-1252 from the HTTP header (curly quotes and euro sign intact)", async () => {
    const page = await safeFetch(`${server.origin}/legacy-charset.html`, allowed());
    expect(page.charset).toBe("windows-1252");
    expect(page.text).toContain("30 € les 100 grammes");
    expect(page.text).toContain("qu’aucune étude");
  });

  it("decodes Shift_JIS declared only in a <meta> tag", async () => {
    const page = await safeFetch(`${server.origin}/shift-jis.html`, allowed());
    expect(page.charset).toBe("shift_jis");
    expect(page.text).toContain("クラトムは東南アジア原産の植物");
  });

  it("decompresses gzip and accepts plain text", async () => {
    expect((await safeFetch(`${server.origin}/gzip.html`, allowed())).text).toContain("Kratom contains alkaloids");
    const plain = await safeFetch(`${server.origin}/plain.txt`, allowed());
    expect(plain.contentType).toBe("text/plain");
  });
});
