/**
 * What the import fetcher may do, from the environment (README,
 * "Environment variables"). Kept apart from safe-fetch.ts so tests can build
 * a policy without touching process.env.
 */
import { MAX_FETCH_BYTES } from "@/lib/limits";

/** A host the operator explicitly allowed, optionally on one port only. */
export type HostRule = { host: string; port: number | null };

export type FetchPolicy = {
  /** Hosts exempt from the public-address check (and, with a port, allowed on that port). Empty by default. */
  allowHosts: HostRule[];
  /** Ports any public host may be fetched on. */
  allowPorts: number[];
  maxBytes: number;
  /** One deadline for the whole fetch, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Media types accepted beside web pages and plain text (e.g. JSON for a ClaimReview DataFeed); none by default. */
  extraTypes?: readonly string[];
};

export const DEFAULT_POLICY: FetchPolicy = { allowHosts: [], allowPorts: [80, 443], maxBytes: MAX_FETCH_BYTES, timeoutMs: 15_000, maxRedirects: 5 };

/** "127.0.0.1:3320, fixtures.test" → host rules; IPv6 hosts in brackets ("[::1]:8080"). Invalid entries throw. */
export function parseHostRules(value: string | undefined): HostRule[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((entry) => {
      const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(entry);
      if (!m) throw new Error(`IMPORT_ALLOW_HOSTS: "${entry}" is not a host or host:port`);
      return { host: m[1]!, port: m[2] ? Number(m[2]) : null };
    });
}

/** "80,443,8080" → ports; the defaults 80 and 443 apply when unset. */
export function parsePorts(value: string | undefined): number[] {
  if (!value?.trim()) return [80, 443];
  return value.split(",").map((p) => {
    const n = Number(p.trim());
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`IMPORT_ALLOW_PORTS: "${p}" is not a port`);
    return n;
  });
}

export function isAllowedHost(policy: FetchPolicy, hostname: string, port: number): boolean {
  const host = hostname.toLowerCase();
  return policy.allowHosts.some((r) => r.host === host && (r.port === null ? policy.allowPorts.includes(port) : r.port === port));
}

export function policyFromEnv(env: { IMPORT_ALLOW_HOSTS?: string; IMPORT_ALLOW_PORTS?: string }): FetchPolicy {
  return { ...DEFAULT_POLICY, allowHosts: parseHostRules(env.IMPORT_ALLOW_HOSTS), allowPorts: parsePorts(env.IMPORT_ALLOW_PORTS) };
}
