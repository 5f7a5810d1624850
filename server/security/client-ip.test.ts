import { describe, expect, it } from "vitest";
import { clientIp, parseTrustProxy, rateLimitMessage, UNVERIFIED_ADDRESS, type TrustProxy } from "./client-ip";

const h = (init: Record<string, string>) => new Headers(init);
function trust(value: string): TrustProxy {
  const parsed = parseTrustProxy(value);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
}
const NONE = trust("");

describe("clientIp without a trusted proxy", () => {
  it("takes the single address Next.js recorded from the socket", () => {
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.7" }), NONE)).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "::ffff:127.0.0.1" }), NONE)).toBe("127.0.0.1");
    // An IPv6 client picks any address in its /64: the /64 is the client.
    expect(clientIp(h({ "x-forwarded-for": "2001:DB8::1" }), NONE)).toBe("2001:db8::/64");
    expect(clientIp(h({ "x-forwarded-for": "2001:db8:0:0:ffff:1:2:3" }), NONE)).toBe("2001:db8::/64");
  });

  it("ignores X-Real-IP, which only the client can have written", () => {
    expect(clientIp(h({ "x-real-ip": "198.51.100.1", "x-forwarded-for": "127.0.0.1" }), NONE)).toBe("127.0.0.1");
    expect(clientIp(h({ "x-real-ip": "198.51.100.1" }), NONE)).toBe(UNVERIFIED_ADDRESS);
  });

  it("puts every request whose X-Forwarded-For the client wrote into one shared key, never a chosen address", () => {
    // Next never writes a list, so a list came from the client: neither entry is the socket.
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 127.0.0.1" }), NONE)).toBe(UNVERIFIED_ADDRESS);
    expect(clientIp(h({ "x-forwarded-for": "127.0.0.1, 6.6.6.6" }), NONE)).toBe(UNVERIFIED_ADDRESS);
    expect(clientIp(h({ "x-forwarded-for": "unknown" }), NONE)).toBe(UNVERIFIED_ADDRESS);
    expect(clientIp(h({ "x-forwarded-for": "0x7f.1" }), NONE)).toBe(UNVERIFIED_ADDRESS);
    expect(clientIp(h({}), NONE)).toBe(UNVERIFIED_ADDRESS);
  });
});

describe("clientIp behind N trusted hops", () => {
  it("takes the N-th address from the right, the one our outermost proxy saw", () => {
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), trust("1"))).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }), trust("2"))).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.7" }), trust("2"))).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "[2001:db8::7]:4711" }), trust("1"))).toBe("2001:db8::/64");
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.7:4711" }), trust("1"))).toBe("203.0.113.7");
  });

  it("does not believe garbage where a proxy wrote the address", () => {
    expect(clientIp(h({ "x-forwarded-for": "1.2.3.4, not-an-ip" }), trust("1"))).toBe(UNVERIFIED_ADDRESS);
  });
});

describe("clientIp behind proxies named by CIDR", () => {
  const proxies = trust("10.0.0.0/8, 192.168.1.7, fd00::/8");

  it("walks from the right, skipping our proxies, and stops at the first other address", () => {
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.1.2.3" }), proxies)).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 192.168.1.7, 10.1.2.3" }), proxies)).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.7, fd00::5" }), proxies)).toBe("203.0.113.7");
    // A client's claim to be one of our proxies, left of a real client address, changes nothing.
    expect(clientIp(h({ "x-forwarded-for": "10.9.9.9, 203.0.113.7, 10.1.2.3" }), proxies)).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "10.0.0.1, 10.0.0.2" }), proxies)).toBe("10.0.0.1");
  });

  it("stops believing at the first entry that is not an address", () => {
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.7, bogus, 10.1.2.3" }), proxies)).toBe(UNVERIFIED_ADDRESS);
  });
});

describe("parseTrustProxy", () => {
  it("reads none, hops and CIDR lists, and refuses anything else", () => {
    expect(parseTrustProxy(undefined)).toEqual({ kind: "none" });
    expect(parseTrustProxy("0")).toEqual({ kind: "none" });
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustProxy("10.0.0.0/8,::1")).toMatchObject({ kind: "cidrs", ranges: [[expect.anything(), 8], [expect.anything(), 128]] });
    expect(parseTrustProxy("11")).toMatch(/at most 10/);
    expect(parseTrustProxy("true")).toMatch(/"true" is neither/);
    expect(parseTrustProxy("10.0.0.0/33")).toMatch(/neither/);
  });
});

describe("rateLimitMessage", () => {
  const now = new Date("2026-01-01T10:00:00Z");

  it("says which limit holds and rounds the wait up, in minutes or, under one, seconds", () => {
    expect(rateLimitMessage("account_ip", new Date("2026-01-01T10:13:01Z"), now)).toBe("Too many failed sign-in attempts for this account from your network. Try again in 14 minutes.");
    expect(rateLimitMessage("ip", new Date("2026-01-01T10:01:00Z"), now)).toBe("Too many failed sign-in attempts from your network. Try again in 1 minute.");
    expect(rateLimitMessage("ip", new Date("2026-01-01T10:00:00.200Z"), now)).toBe("Too many failed sign-in attempts from your network. Try again in 1 second.");
    expect(rateLimitMessage("account", new Date("2026-01-01T10:00:08Z"), now)).toBe(
      "Many sign-in attempts for this account have failed recently, so attempts are being slowed down. Try again in 8 seconds.",
    );
  });
});
