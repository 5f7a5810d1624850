/**
 * Which network addresses a server-side import may connect to. Only
 * globally routable unicast addresses: everything else (loopback, private,
 * link-local incl. cloud metadata at 169.254.169.254, CGNAT, multicast,
 * broadcast, reserved, documentation, unspecified, IPv6 unique-local, and
 * IPv6 forms that embed an IPv4 address: mapped, NAT64, 6to4, Teredo) could
 * reach something inside our own network.
 */
import ipaddr from "ipaddr.js";

/** Why `address` (a literal IPv4/IPv6 address) must not be fetched, or null when it is public. */
export function refusedAddressReason(address: string): string | null {
  const literal = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(literal)) return "not an IP address";
  let ip = ipaddr.parse(literal);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    // ::ffff:a.b.c.d reaches the IPv4 host a.b.c.d: judge that one.
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  }
  const range = ip.range();
  return range === "unicast" ? null : RANGE_NAMES[range] ?? `a special-purpose address (${range})`;
}

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address (this server itself)",
  private: "a private network address",
  linkLocal: "a link-local address (such as a cloud metadata service)",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  reserved: "a reserved address",
  unspecified: "an unspecified address",
  uniqueLocal: "a private network address (IPv6 unique local)",
  ipv4Mapped: "an IPv6 address that embeds an IPv4 address",
  rfc6052: "a NAT64 address that embeds an IPv4 address",
  "6to4": "a 6to4 address that embeds an IPv4 address",
  teredo: "a Teredo address that embeds an IPv4 address",
};

/** Whether a URL hostname is an IP literal (the URL parser has already turned decimal, octal, hex and short forms into dotted quads). */
export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ""));
}
