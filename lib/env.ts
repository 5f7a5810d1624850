import { z } from "zod";

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
  /** Hosts the URL import may fetch although they are not public (tests, intranet sources): "host[:port],…". Off by default. */
  IMPORT_ALLOW_HOSTS: z.string().optional(),
  /** Ports the URL import may fetch from: "80,443" by default. */
  IMPORT_ALLOW_PORTS: z.string().optional(),
  /**
   * How many reverse proxies stand in front of the app and append to
   * X-Forwarded-For ("0": none, the default; "1": one, e.g. nginx or a load
   * balancer). Decides which address the login rate limit counts per IP.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Failed sign-ins allowed per account (email) in the window. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins allowed per client IP in the window. */
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().positive().default(15),
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

/** Absolute base URL for canonical links and JSON-LD (`url` must be on this site). */
export function siteUrl(): string {
  return (env().SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}
