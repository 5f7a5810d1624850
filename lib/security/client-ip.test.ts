import { describe, expect, it } from "vitest";
import { clientIp, rateLimitMessage } from "./client-ip";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientIp", () => {
  it("behind N trusted proxies takes the N-th address from the right, not the client's claim", () => {
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }), 2)).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.7" }), 2)).toBe("203.0.113.7");
  });

  it("without a trusted proxy prefers X-Real-IP, then what Next.js recorded from the socket", () => {
    expect(clientIp(h({ "x-real-ip": "198.51.100.1", "x-forwarded-for": "1.1.1.1" }), 0)).toBe("198.51.100.1");
    expect(clientIp(h({ "x-forwarded-for": "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientIp(h({}), 0)).toBe("unknown");
  });
});

describe("rateLimitMessage", () => {
  it("says who is limited and rounds the wait up to whole minutes", () => {
    const now = new Date("2026-01-01T10:00:00Z");
    expect(rateLimitMessage("account", new Date("2026-01-01T10:13:01Z"), now)).toBe("Too many failed sign-in attempts for this account. Try again in 14 minutes.");
    expect(rateLimitMessage("ip", new Date("2026-01-01T10:00:05Z"), now)).toBe("Too many failed sign-in attempts from your network. Try again in 1 minute.");
  });
});
