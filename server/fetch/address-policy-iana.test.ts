/**
 * The address policy against every row of IANA's special-purpose address
 * registries (fixtures/iana, see its README), not against a hand-picked list:
 * the first, middle and last address of each block, and the addresses just
 * outside it (which must be judged as whatever contains them, so a block
 * written too wide or too narrow shows up).
 */
import fs from "node:fs";
import path from "node:path";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { refusedAddressReason } from "./address-policy";

type Row = { blocks: string[]; name: string; reachable: string };

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/iana");
const V4_ROWS = readRegistry("ipv4-special-registry.csv");
const V6_ROWS = readRegistry("ipv6-special-registry.csv");

/** Rows that carry an IPv4 address in their last 32 bits: judged by that address. */
const CARRIERS = ["::ffff:0:0/96", "64:ff9b::/96"];

/** Rows IANA marks globally reachable that the policy refuses anyway, and why. */
const REFUSED_THOUGH_REACHABLE: Record<string, string> = {
  "192.0.0.9/32": "PCP anycast: the nearest PCP server, usually the local gateway or the ISP's NAT",
  "192.0.0.10/32": "TURN anycast: the nearest TURN server of whoever runs the network",
  "192.31.196.0/24": "AS112 anycast: sinks that companies and ISPs run inside their own networks",
  "192.52.193.0/24": "AMT relay anycast: the nearest relay",
  "192.175.48.0/24": "AS112 anycast",
  "2001:1::1/128": "PCP anycast",
  "2001:1::2/128": "TURN anycast",
  "2001:1::3/128": "DNS-SD service registration anycast: a local (Thread) border router",
  "2001:3::/32": "AMT relay anycast",
  "2001:4:112::/48": "AS112 anycast",
  "2001:20::/28": "ORCHIDv2: cryptographic identifiers, not network locations",
  "2001:30::/28": "drone entity tags: identifiers, not network locations",
  "2620:4f:8000::/48": "AS112 anycast",
};

describe("the fixtures hold the whole registries", () => {
  it("has every row IANA listed when transcribed", () => {
    expect(V4_ROWS).toHaveLength(25);
    expect(V6_ROWS).toHaveLength(25);
    for (const row of [...V4_ROWS, ...V6_ROWS]) for (const block of row.blocks) expect(ipaddr.isValidCIDR(block), block).toBe(true);
  });

  it("decides about every row marked globally reachable (a new one fails here until someone does)", () => {
    const reachable = [...V4_ROWS, ...V6_ROWS].filter((r) => r.reachable === "True").flatMap((r) => r.blocks);
    const undecided = reachable.filter((b) => !CARRIERS.includes(b) && !(b in REFUSED_THOUGH_REACHABLE));
    expect(undecided).toEqual([]);
  });
});

describe.each([
  ["IPv4", V4_ROWS],
  ["IPv6", V6_ROWS],
])("every row of the IANA %s special-purpose registry", (_family, rows) => {
  const cases = rows.flatMap((row) => row.blocks.map((block) => [block, row.name, row.reachable || "(empty)"] as const));
  it.each(cases)("%s (%s, globally reachable: %s)", (block) => {
    const { first, middle, last, before, after } = samples(block);
    for (const address of [first, middle, last]) {
      const expected = CARRIERS.includes(block) ? expectRefused(address) : true;
      expect(refused(address), `${address} in ${block}`).toBe(expected);
    }
    for (const address of [before, after].filter((a): a is string => a !== null)) {
      expect(refused(address), `${address}, just outside ${block}`).toBe(expectRefused(address));
    }
  });
});

describe("the carriers are judged by the IPv4 address they embed", () => {
  it.each([
    ["::ffff:127.0.0.1", true],
    ["::ffff:169.254.169.254", true],
    ["::ffff:192.0.0.170", true],
    ["::ffff:93.184.216.34", false],
    ["64:ff9b::127.0.0.1", true],
    ["64:ff9b::10.1.2.3", true],
    ["64:ff9b::203.0.113.7", true],
    ["64:ff9b::93.184.216.34", false],
  ])("%s refused: %s", (address, isRefused) => {
    expect(refused(address)).toBe(isRefused);
    expect(expectRefused(address)).toBe(isRefused);
  });
});

const refused = (address: string) => refusedAddressReason(address) !== null;

/** What the registries (and the two facts they leave out) say about one address. */
function expectRefused(address: string): boolean {
  const ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6") {
    if (CARRIERS.some((c) => ip.match(ipaddr.parseCIDR(c)))) return expectRefused(fromBytes((ip as ipaddr.IPv6).toByteArray().slice(12)));
    if (V6_ROWS.some((r) => r.blocks.some((b) => ip.match(ipaddr.parseCIDR(b))))) return true;
    // Outside 2000::/3 nothing is global unicast today (RFC 4291 section 2.4).
    return !ip.match(ipaddr.parseCIDR("2000::/3"));
  }
  if (V4_ROWS.some((r) => r.blocks.some((b) => ip.match(ipaddr.parseCIDR(b))))) return true;
  // Multicast has a registry of its own (RFC 5771), so the special-purpose one leaves it out.
  return ip.match(ipaddr.parseCIDR("224.0.0.0/4"));
}

/** First, middle and last address of a block, and its neighbours on either side (null past the end of the space). */
function samples(block: string) {
  const [base, bits] = ipaddr.parseCIDR(block);
  const width = base.kind() === "ipv4" ? 32 : 128;
  const size = 1n << BigInt(width - bits);
  const first = toBig(base.toByteArray()) & ~(size - 1n);
  const last = first + size - 1n;
  const at = (n: bigint) => (n < 0n || n >= 1n << BigInt(width) ? null : fromBytes(toBytes(n, width / 8)));
  return { first: at(first)!, middle: at(first + size / 2n)!, last: at(last)!, before: at(first - 1n), after: at(last + 1n) };
}

const toBig = (bytes: number[]) => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
const toBytes = (n: bigint, length: number) => Array.from({ length }, (_, i) => Number((n >> BigInt(8 * (length - 1 - i))) & 0xffn));
const fromBytes = (bytes: number[]) => ipaddr.fromByteArray(bytes).toString();

/** IANA's CSV: quoted cells may hold commas, doubled quotes and line breaks; footnote marks ("False [1]") are dropped. */
function readRegistry(file: string): Row[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(FIXTURES, file), "utf8"));
  const columns = "Address Block,Name,RFC,Allocation Date,Termination Date,Source,Destination,Forwardable,Globally Reachable,Reserved-by-Protocol";
  if (header?.join(",") !== columns) throw new Error(`${file}: not IANA's columns (${header?.join(",")})`);
  const clean = (cell: string) => cell.replace(/\s*\[\d+\]/g, "").trim();
  return rows.map((cells) => ({
    blocks: clean(cells[0]!).split(/\s*,\s*/),
    name: cells[1]!,
    reachable: clean(cells[8]!),
  }));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      cell = "";
      if (row.some((v) => v !== "")) rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
