import { z } from "zod";
import { SITEMAP_MAX_URLS } from "@/lib/sitemap";
import { parseTrustProxy } from "./security/client-ip";

/**
 * Environment, read once and validated. Secrets never have defaults: the demo
 * script generates AUTH_SECRET for local use; production must set it.
 */
const schema = z.object({
  DATABASE_URL: z.string().optional(),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
  SITE_URL: z.url().optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_CLIENT_ID: z.string().optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),
  /**
   * "1" lets single sign-on use an http:// issuer. For local testing only: Auth.js takes the ID token
   * from the token endpoint without checking its signature (the TLS connection is what vouches for
   * it), so over plain http anyone on the path could sign in as anyone.
   */
  AUTH_OIDC_ALLOW_INSECURE_ISSUER: z.enum(["0", "1"]).default("0"),
  /** Hosts the URL import may fetch although they are not public (tests, intranet sources): "host[:port],…". Off by default. */
  IMPORT_ALLOW_HOSTS: z.string().optional(),
  /** Ports the URL import may fetch from: "80,443" by default. */
  IMPORT_ALLOW_PORTS: z.string().optional(),
  /**
   * The reverse proxies in front of the app, whose X-Forwarded-For entries
   * (and X-Forwarded-Host) are believed: unset or "0" for none (the app is
   * reached directly: only the socket address counts), a number of hops
   * ("1": one nginx or load balancer), or the proxies' addresses as
   * comma-separated IPs/CIDRs ("10.0.0.0/8,fd00::/8"). See server/security/client-ip.ts.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
      return typeof parsed === "string" ? z.NEVER : parsed;
    }),
  /** Failed sign-ins allowed per account from one client address in the window; then that address waits for the account. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins allowed per client address in the window, whatever the accounts. */
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  /**
   * Failed sign-ins per account from all addresses together in the window
   * before attempts on it are spaced out (a backstop against guessing from
   * many addresses; never a lock): then each attempt waits 1 s, 2 s, 4 s …
   * after the account's latest failure, up to LOGIN_ACCOUNT_MAX_DELAY_SECONDS.
   */
  LOGIN_ACCOUNT_SLOWDOWN_AFTER: z.coerce.number().int().min(1).default(50),
  /** The ceiling of that delay. */
  LOGIN_ACCOUNT_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /**
   * Where to POST the public paths whenever public data changes (server/purge-hook.ts), for a CDN or cache
   * purger; unset for none. Put a secret in the URL if the receiver needs one: it is never shown or logged.
   */
  PURGE_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** "0" when a separate `npm run worker` runs the background jobs, so the app runs none itself (server/jobs/in-app.ts). */
  JOBS_IN_APP: z.enum(["0", "1"]).default("1"),
  /** URLs per sitemap file: the protocol's 50,000 at most. Lower only to see the split without 50,000 fact-checks (the e2e suite does). */
  SITEMAP_URLS_PER_FILE: z.coerce.number().int().min(1).max(SITEMAP_MAX_URLS).default(SITEMAP_MAX_URLS),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export const isDemoMode = () => env().DEMO_MODE === "1";

export function oidcConfigured(): boolean {
  const e = env();
  return Boolean(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_CLIENT_ID && e.AUTH_OIDC_CLIENT_SECRET);
}

/** Why configured single sign-on is switched off, or null: an http:// issuer without AUTH_OIDC_ALLOW_INSECURE_ISSUER=1. */
export function oidcIssuerProblem(): string | null {
  const e = env();
  if (!e.AUTH_OIDC_ISSUER || e.AUTH_OIDC_ISSUER.startsWith("https://") || e.AUTH_OIDC_ALLOW_INSECURE_ISSUER === "1") return null;
  return "AUTH_OIDC_ISSUER is not an https:// URL; single sign-on is off (AUTH_OIDC_ALLOW_INSECURE_ISSUER=1 allows it, for local testing only)";
}

/** Single sign-on is configured and may be used. */
export const oidcEnabled = (): boolean => oidcConfigured() && !oidcIssuerProblem();

/** Absolute base URL for canonical links and JSON-LD (`url` must be on this site). */
export function siteUrl(): string {
  return (env().SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}
