/**
 * A real OpenID Connect provider for the single sign-on specs: node
 * oidc-provider (OpenID Certified), started inside the test process, with
 * its development sign-in pages (any login name signs in as the account of
 * that name; any password). Accounts live in a Map the spec may change while
 * the provider runs (to change an email, or un-verify one).
 *
 * By default the ID token carries no email (the provider's
 * `conformIdTokenClaims`): the app has to read it from the userinfo
 * endpoint, as with many real providers.
 *
 * Served over https with the run's certificate (e2e/security/test-certificate.ts),
 * or over plain http, where
 * `tamperIdTokens` lets the provider answer the token request with an ID
 * token whose signature was altered, as anyone on a plain-http path could.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import https from "node:https";
import Provider from "oidc-provider";
import { testCertificate } from "./test-certificate";

export type ProviderAccount = { email?: string; email_verified?: boolean; name?: string };

export type IdentityProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Keyed by login name, which is also the subject (`sub`). */
  accounts: Map<string, ProviderAccount>;
  /** Token requests answered so far (each one is a completed sign-in at the provider). */
  tokenRequests: () => number;
  /** The claims of the last ID token issued (before any tampering). */
  lastIdTokenClaims: () => Record<string, unknown> | null;
  stop(): Promise<void>;
};

type Options = { tls: boolean; appBase: string; tamperIdTokens?: boolean };

/** The last part of a JWS (its signature) with one byte changed. */
function alterSignature(jwt: string): string {
  const [header, payload, signature] = jwt.split(".");
  const bytes = Buffer.from(signature!, "base64url");
  bytes[0] = bytes[0]! ^ 0xff;
  return `${header}.${payload}.${bytes.toString("base64url")}`;
}

/** Starts the provider on a free port of 127.0.0.1. */
export async function startIdentityProvider({ tls, appBase, tamperIdTokens = false }: Options): Promise<IdentityProvider> {
  const certificate = tls ? await testCertificate() : null;
  const server: http.Server | https.Server = certificate ? https.createServer({ key: certificate.key, cert: certificate.cert }) : http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `${tls ? "https" : "http"}://127.0.0.1:${port}`;
  const clientId = "factdesk-e2e";
  const clientSecret = `secret-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  const accounts = new Map<string, ProviderAccount>();

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        // What the README tells an operator to register: both derived from SITE_URL.
        redirect_uris: [`${appBase}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [`${appBase}/login`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: [`cookie-${clientSecret}`] },
    findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...accounts.get(id) }) };
    },
  });
  provider.proxy = false;

  let tokenRequests = 0;
  let lastIdTokenClaims: Record<string, unknown> | null = null;
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== "/token" || ctx.method !== "POST") return;
    tokenRequests++;
    const body = ctx.body as { id_token?: string } | undefined;
    if (body?.id_token) lastIdTokenClaims = JSON.parse(Buffer.from(body.id_token.split(".")[1]!, "base64url").toString("utf8"));
    if (tamperIdTokens && body?.id_token) ctx.body = { ...body, id_token: alterSignature(body.id_token) };
  });

  server.on("request", provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tokenRequests: () => tokenRequests,
    lastIdTokenClaims: () => lastIdTokenClaims,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
