/**
 * Which address a request comes from, for the sign-in limits.
 *
 * What the app can trust, under `next start` (Next 16):
 * - Route handlers, server actions and proxy.ts never see the socket.
 *   `NextRequest.ip` is gone (Next 15) and nothing else exposes it.
 * - Next's server fills X-Forwarded-For from the socket's remote address
 *   only when the request arrives without one
 *   (`x-forwarded-for ??= socket.remoteAddress`, before proxy.ts runs),
 *   and never appends to one that is there. So the header holds either
 *   exactly the socket address (one entry) or whatever the client, or a
 *   proxy in front, sent.
 * - X-Real-IP is never set by Next: it is the client's word unless a
 *   proxy we trust overwrites it, and even then it says nothing the
 *   X-Forwarded-For walk does not. It is ignored.
 *
 * Hence, by TRUST_PROXY (parsed by `parseTrustProxy`):
 * - unset / 0, the app reached directly: one entry is taken as the socket
 *   address. Several entries, or one that is not an address, mean the
 *   client sent the header itself and the socket address is lost: all such
 *   requests share one key ("unverified"), so a list neither escapes a
 *   limit nor fills another address's. A client that sends exactly one
 *   forged address cannot be told from Next's own record at this layer: it
 *   is counted as that address, so someone who knows a victim's address can
 *   spend that address's budgets. Only code at the Node HTTP layer, before
 *   Next, can drop a client-sent header so that Next records the socket.
 * - N hops: each of the N proxies appends the address it saw; the client is
 *   the N-th entry from the right (the outermost proxy's record).
 * - a list of CIDRs: walk X-Forwarded-For from the right, skipping entries
 *   inside those ranges (our proxies); the first other one is the client.
 * Either way the proxies must be the only way in: the socket's peer cannot
 * be checked here, so a client reaching the app directly is believed.
 */
import ipaddr from "ipaddr.js";

export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

/** The key of every request whose client address cannot be known (see above). */
export const UNVERIFIED_ADDRESS = "unverified";

/**
 * "" or "0": no proxy; "2": two hops; "10.0.0.0/8, 192.168.1.7": the
 * addresses of our proxies. Returns a message for anything else, so a typo
 * stops the server instead of silently trusting everyone or no one.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | string {
  const text = (value ?? "").trim();
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { kind: "hops", hops } : "at most 10 hops";
  }
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const part of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const range = parseRange(part);
    if (!range) return `"${part}" is neither a number of hops nor an IP address or CIDR range`;
    ranges.push(range);
  }
  return ranges.length ? { kind: "cidrs", ranges } : { kind: "none" };
}

function parseRange(part: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  if (part.includes("/")) {
    if (!ipaddr.isValidCIDR(part)) return null;
    const [address, bits] = ipaddr.parseCIDR(part);
    return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96 ? [(address as ipaddr.IPv6).toIPv4Address(), bits - 96] : [address, bits];
  }
  const address = parseAddress(part);
  return address ? [address, address.kind() === "ipv4" ? 32 : 128] : null;
}

/**
 * A literal address as proxies write it: dotted quad or IPv6, perhaps with
 * a port ("1.2.3.4:5", "[::1]:5"); IPv4-mapped IPv6 becomes IPv4. Nothing
 * looser (no "0x7f.1", no bare "1"): what a proxy writes is never that.
 */
function parseAddress(entry: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const text = entry.trim().replace(/^\[([^\]]+)\](?::\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!ipaddr.IPv6.isValid(text)) return null;
  const v6 = ipaddr.IPv6.parse(text);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/**
 * The key of an address. An IPv6 client is usually handed a whole /64 and
 * can pick a new address in it for every request, so the /64 is what
 * identifies it; an IPv4 address stands for itself.
 */
function keyOf(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (address.kind() === "ipv4") return address.toString();
  const parts = (address as ipaddr.IPv6).parts;
  return `${new ipaddr.IPv6([...parts.slice(0, 4), 0, 0, 0, 0]).toString()}/64`;
}

/** The client's address as a key for the sign-in limits: an IP in its plain form, or UNVERIFIED_ADDRESS. */
export function clientIp(headers: Headers, trust: TrustProxy): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (trust.kind === "none") {
    const socket = entries.length === 1 ? parseAddress(entries[0]!) : null;
    return socket ? keyOf(socket) : UNVERIFIED_ADDRESS;
  }
  const addresses = entries.map(parseAddress);
  if (trust.kind === "hops") {
    // Fewer entries than hops: a proxy overwrote the list, and the left-most is its client.
    const client = addresses.length ? addresses[Math.max(0, addresses.length - trust.hops)] : null;
    return client ? keyOf(client) : UNVERIFIED_ADDRESS;
  }
  for (let i = addresses.length - 1; i >= 0; i--) {
    const address = addresses[i];
    // Garbage where a trusted proxy should have written an address: nothing to the left of it can be believed.
    if (!address) return UNVERIFIED_ADDRESS;
    if (!trust.ranges.some((range) => address.kind() === range[0].kind() && address.match(range))) return keyOf(address);
  }
  // Every entry is one of our proxies (or there are none): the left-most is the best we know.
  return addresses[0] ? keyOf(addresses[0]) : UNVERIFIED_ADDRESS;
}

/**
 * What the person is told. It describes the limit, never the account: the
 * limits run the same for emails nobody has, so no message (and no timing:
 * a refusal checks no password, known email or not) says whether one exists.
 */
export function rateLimitMessage(scope: "account_ip" | "ip" | "account", retryAt: Date, now = new Date()): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds} ${seconds === 1 ? "second" : "seconds"}` : `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  if (scope === "account") return `Many sign-in attempts for this account have failed recently, so attempts are being slowed down. Try again in ${wait}.`;
  const who = scope === "account_ip" ? "for this account from your network" : "from your network";
  return `Too many failed sign-in attempts ${who}. Try again in ${wait}.`;
}
