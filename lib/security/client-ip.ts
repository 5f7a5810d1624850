/**
 * Which address a request comes from, for the per-IP login limit.
 *
 * Next.js fills X-Forwarded-For with the socket address only when the
 * request does not already carry one, so a client talking to the app
 * directly can put anything there. Hence:
 * - TRUST_PROXY=N (N proxies in front, each appending to X-Forwarded-For):
 *   the N-th address from the right, the one our outermost proxy saw. The
 *   left-most ("first hop") entry is whatever the client claimed, so it is
 *   used only when the list is no longer than N (a proxy that overwrites).
 * - TRUST_PROXY=0 (default, app reached directly): X-Real-IP if a proxy set
 *   it, else the single address Next.js recorded from the socket. A client
 *   that forges these headers can pick its own IP key, which is why the
 *   per-account limit (which does not depend on the address) is the main
 *   defence; put the app behind a proxy and set TRUST_PROXY for a reliable
 *   per-IP limit.
 */
export function clientIp(headers: Headers, trustedProxies: number): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (trustedProxies > 0 && forwarded.length) {
    return normalize(forwarded[Math.max(0, forwarded.length - trustedProxies)]!);
  }
  const real = headers.get("x-real-ip")?.trim();
  if (real) return normalize(real);
  if (forwarded.length) return normalize(forwarded[forwarded.length - 1]!);
  return "unknown";
}

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) is the same client as 127.0.0.1; keys stay short. */
function normalize(ip: string): string {
  return ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}

/** "Too many failed sign-in attempts for this account. Try again in 14 minutes." */
export function rateLimitMessage(scope: "account" | "ip", retryAt: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  const who = scope === "account" ? "for this account" : "from your network";
  return `Too many failed sign-in attempts ${who}. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
