/**
 * Which network addresses a server-side import may connect to: an allow-list
 * of globally reachable unicast space, not a list of names to avoid.
 *
 * - IPv4: unicast space (below 224.0.0.0) minus every block of IANA's IPv4
 *   special-purpose registry.
 * - IPv6: only 2000::/3 (global unicast) minus every block of IANA's IPv6
 *   special-purpose registry. Everything outside 2000::/3 is refused whatever
 *   its name (IPv4-compatible ::/96, site-local, discard, SRv6, ranges IANA
 *   may define later), except two forms that merely carry an IPv4 address
 *   and are judged by it: IPv4-mapped ::ffff:0:0/96 (the kernel connects to
 *   the IPv4 host) and NAT64 64:ff9b::/96 (a DNS64 resolver hands these out
 *   for public IPv4 hosts on IPv6-only networks). Other carriers (6to4,
 *   Teredo, local-use NAT64, IPv4-compatible) are refused outright.
 *
 * Registry blocks marked "globally reachable" are refused too: they are
 * anycast services answered by the *nearest* operator (PCP, TURN, AMT relays,
 * AS112 sinks, which ISPs and companies run inside their own networks) or
 * identifiers that are not locators (ORCHIDv2, DETs). No article lives there,
 * and the nearest instance may be inside our network.
 *
 * fixtures/iana/ holds both registries; address-policy-iana.test.ts checks
 * every row against this table.
 */
import ipaddr from "ipaddr.js";

export type AddressVerdict =
  | { ok: true; address: string; family: 4 | 6 }
  | { ok: false; reason: string };

const LOOPBACK = "a loopback address (this server itself)";
const PRIVATE = "a private network address";
const LINK_LOCAL = "a link-local address (such as a cloud metadata service)";
const DOCUMENTATION = "a reserved documentation address";
const ANYCAST = "an anycast service address (answered by the nearest operator, possibly inside our network)";
const IETF = "a reserved IETF protocol address";

/** [block, reason]; the most specific block containing an address decides. */
const IPV4_BLOCKS: [string, string][] = [
  ["0.0.0.0/8", "an unspecified address (“this network”)"],
  ["10.0.0.0/8", PRIVATE],
  ["100.64.0.0/10", "a carrier-grade NAT address (shared address space)"],
  ["127.0.0.0/8", LOOPBACK],
  ["169.254.0.0/16", LINK_LOCAL],
  ["172.16.0.0/12", PRIVATE],
  // Also covers DS-Lite 192.0.0.0/29, the dummy .8 and NAT64 discovery .170/.171.
  ["192.0.0.0/24", IETF],
  ["192.0.0.9/32", ANYCAST],
  ["192.0.0.10/32", ANYCAST],
  ["192.0.2.0/24", DOCUMENTATION],
  ["192.31.196.0/24", ANYCAST],
  ["192.52.193.0/24", ANYCAST],
  ["192.88.99.0/24", "a 6to4 relay anycast address (deprecated)"],
  ["192.168.0.0/16", PRIVATE],
  ["192.175.48.0/24", ANYCAST],
  ["198.18.0.0/15", "a reserved benchmarking address"],
  ["198.51.100.0/24", DOCUMENTATION],
  ["203.0.113.0/24", DOCUMENTATION],
  // Not special-purpose rows: multicast has a registry of its own.
  ["224.0.0.0/4", "a multicast address"],
  ["240.0.0.0/4", "a reserved address (240.0.0.0/4)"],
  ["255.255.255.255/32", "a broadcast address"],
];

/** Forms that carry an IPv4 address in their last 32 bits and are judged by it. */
const CARRIERS: [string, string][] = [
  ["::ffff:0:0/96", "an IPv4-mapped IPv6 address"],
  ["64:ff9b::/96", "a NAT64 address"],
];

/** Inside 2000::/3 these decide; outside it they only name the refusal. */
const IPV6_BLOCKS: [string, string][] = [
  ["::/128", "an unspecified address"],
  ["::1/128", LOOPBACK],
  ["::/96", "a deprecated IPv4-compatible IPv6 address"],
  ["64:ff9b:1::/48", "a local-use NAT64 address that embeds an IPv4 address"],
  ["100::/64", "a discard-only address"],
  ["100:0:0:1::/64", "a dummy IPv6 address"],
  ["2001::/23", IETF],
  ["2001::/32", "a Teredo address that embeds an IPv4 address"],
  ["2001:1::1/128", ANYCAST],
  ["2001:1::2/128", ANYCAST],
  ["2001:1::3/128", ANYCAST],
  ["2001:3::/32", ANYCAST],
  ["2001:4:112::/48", ANYCAST],
  ["2001:20::/27", "an identifier that is not a network location (ORCHIDv2, DET)"],
  ["2001:db8::/32", DOCUMENTATION],
  ["2002::/16", "a 6to4 address that embeds an IPv4 address"],
  ["2620:4f:8000::/48", ANYCAST],
  ["3fff::/20", DOCUMENTATION],
  ["5f00::/16", "a segment-routing address (SRv6)"],
  ["fc00::/7", "a private network address (IPv6 unique local)"],
  ["fe80::/10", LINK_LOCAL],
  ["fec0::/10", "a site-local address (deprecated)"],
  ["ff00::/8", "a multicast address"],
];

type Block = { cidr: string; range: [ipaddr.IPv4 | ipaddr.IPv6, number]; reason: string };
const compile = (rows: [string, string][]): Block[] =>
  rows.map(([cidr, reason]) => ({ cidr, range: ipaddr.parseCIDR(cidr), reason })).sort((a, b) => b.range[1] - a.range[1]);
const V4 = compile(IPV4_BLOCKS);
const V6 = compile(IPV6_BLOCKS);
const V6_CARRIERS = compile(CARRIERS);
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/** Tables are sorted longest prefix first, so the first hit is the most specific block. */
const mostSpecific = (ip: ipaddr.IPv4 | ipaddr.IPv6, blocks: Block[]) => blocks.find((b) => ip.match(b.range));

/**
 * Judges a literal IPv4/IPv6 address (brackets allowed) and returns the
 * canonical spelling to connect to, so the address judged is the address
 * dialled. Spellings are read as the URL standard reads a host (decimal,
 * octal, hex and short IPv4 forms; "::a.b.c.d" is IPv4-compatible, not mapped).
 */
export function checkAddress(address: string): AddressVerdict {
  const literal = address.trim().replace(/^\[|\]$/g, "");
  // A zone ("%eth0") names one of our own interfaces: only link-local and other scoped addresses take one.
  if (literal.includes("%")) return { ok: false, reason: "a scoped address (bound to one of this server's network interfaces)" };
  const canonical = canonicalize(literal);
  if (!canonical) return { ok: false, reason: "not an IP address" };
  if (canonical.kind() === "ipv4") {
    const block = mostSpecific(canonical, V4);
    return block ? { ok: false, reason: block.reason } : { ok: true, address: canonical.toString(), family: 4 };
  }
  const ip = canonical as ipaddr.IPv6;
  // The IPv4 address in the last 32 bits, as a carrier or an IPv4-compatible address holds it.
  const inner = checkAddress(ipaddr.fromByteArray(ip.toByteArray().slice(12)).toString());
  const carrier = mostSpecific(ip, V6_CARRIERS);
  if (carrier) {
    if (!inner.ok) return { ok: false, reason: `${carrier.reason} that embeds ${inner.reason}` };
    // Mapped: the kernel dials the IPv4 host itself. NAT64: only the translator reaches it, so dial the IPv6 form.
    return ip.isIPv4MappedAddress() ? inner : { ok: true, address: ip.toString(), family: 6 };
  }
  const block = mostSpecific(ip, V6);
  if (block) {
    // Refused either way; saying what an IPv4-compatible address points at helps the reader see why.
    const embeds = block.cidr === "::/96" && !inner.ok ? ` that embeds ${inner.reason}` : "";
    return { ok: false, reason: block.reason + embeds };
  }
  if (!ip.match(GLOBAL_UNICAST_V6)) return { ok: false, reason: "an address outside the global unicast range (2000::/3)" };
  return { ok: true, address: ip.toString(), family: 6 };
}

/** Why `address` (a literal IPv4/IPv6 address) must not be fetched, or null when it is public. */
export function refusedAddressReason(address: string): string | null {
  const verdict = checkAddress(address);
  return verdict.ok ? null : verdict.reason;
}

/**
 * Parses through the WHATWG URL host parser, the one that reads the URLs we
 * fetch: ipaddr.js alone would read "::127.0.0.1" as the mapped
 * "::ffff:127.0.0.1" and accept IPv4 spellings the URL standard does not.
 */
function canonicalize(literal: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const v6 = literal.includes(":");
  // Only address characters: anything else ("@", "/", "#") would let the URL parser pick another host.
  if (!(v6 ? /^[0-9a-f:.]+$/i : /^[0-9a-fx.]+$/i).test(literal)) return null;
  let host: string;
  try {
    host = new URL(v6 ? `http://[${literal}]/` : `http://${literal}/`).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return null;
  }
  if (v6 ? !ipaddr.IPv6.isValid(host) : !ipaddr.IPv4.isValidFourPartDecimal(host)) return null;
  return ipaddr.parse(host);
}

/** Whether a URL hostname is an IP literal (the URL parser has already turned decimal, octal, hex and short forms into dotted quads). */
export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ""));
}
