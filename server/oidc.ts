/**
 * Single sign-on with an OpenID Connect provider, the parts Auth.js leaves to
 * us: who a provider account signs in as, whether its ID token is genuine,
 * and where to end the provider's session at sign-out. server/auth.ts wires
 * these into Auth.js's callbacks.
 */
import "server-only";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { getToken, type JWT } from "next-auth/jwt";
import { getUserByOidcSubject, getUserCredentialsByEmail, linkOidcSubject } from "@/db/queries/users";
import { env, oidcEnabled, siteUrl } from "@/server/env";


/** Why a single sign-on was refused; the login page turns each into a sentence (app/(auth)/login/page.tsx). */
export type OidcRefusal = "token_invalid" | "email_missing" | "email_unverified" | "not_linked" | "inactive" | "linked_elsewhere";
export const refuse = (code: OidcRefusal) => `/login?error=AccessDenied&code=${code}`;

type Discovery = { issuer: string; jwks_uri?: string; userinfo_endpoint?: string; end_session_endpoint?: string };
let discovery: Promise<Discovery> | null = null;

/** The provider's metadata (userinfo and end-session endpoints), fetched once per process; a failure is retried next time. */
function oidcDiscovery(): Promise<Discovery> {
  const issuer = env().AUTH_OIDC_ISSUER!;
  discovery ??= fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, { cache: "no-store" })
    .then(async (response) => {
      if (!response.ok) throw new Error(`OIDC discovery answered HTTP ${response.status}`);
      return (await response.json()) as Discovery;
    })
    .catch((error: unknown) => {
      discovery = null;
      throw error;
    });
  return discovery;
}

let signingKeys: { uri: string; keys: ReturnType<typeof createRemoteJWKSet> } | null = null;

/**
 * Whether the ID token is signed by one of the provider's published keys, issued
 * by the configured issuer, for this client. Auth.js takes the token from the
 * token endpoint without checking its signature and trusts the TLS connection
 * instead (OpenID Connect Core 3.1.3.7 allows that); checking it here as well
 * means a token altered on the way (a proxy, plain http in testing) is refused.
 */
export async function idTokenIsGenuine(idToken: string | undefined): Promise<boolean> {
  if (!idToken) return false;
  try {
    const { issuer, jwks_uri } = await oidcDiscovery();
    if (!jwks_uri) return false;
    if (signingKeys?.uri !== jwks_uri) signingKeys = { uri: jwks_uri, keys: createRemoteJWKSet(new URL(jwks_uri)) };
    await jwtVerify(idToken, signingKeys.keys, { issuer, audience: env().AUTH_OIDC_CLIENT_ID! });
    return true;
  } catch {
    return false;
  }
}

export type Claims = { sub?: unknown; iss?: unknown; email?: unknown; email_verified?: unknown };

/**
 * The email and whether the provider verified it: from the ID token, or, when
 * the token leaves either out (many providers put them only in userinfo),
 * from the userinfo endpoint, whose answer must be about the same subject.
 */
async function emailOf(profile: Claims, accessToken: string | undefined): Promise<{ email: string | null; verified: boolean }> {
  let claims: Claims = profile;
  if ((typeof claims.email !== "string" || claims.email_verified === undefined) && accessToken) {
    const { userinfo_endpoint } = await oidcDiscovery();
    if (userinfo_endpoint) {
      const response = await fetch(userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" }, cache: "no-store" });
      const info = response.ok ? ((await response.json()) as Claims) : null;
      if (info && info.sub === profile.sub) claims = { ...info, ...Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined)) };
      if (info && typeof profile.email !== "string") claims = { ...claims, email: info.email, email_verified: info.email_verified };
    }
  }
  const email = typeof claims.email === "string" && claims.email.trim() ? claims.email.trim().toLowerCase() : null;
  // Some providers send "true" as a string.
  const verified = claims.email_verified === true || claims.email_verified === "true";
  return { email, verified };
}

/**
 * Whom a single sign-on signs in: the user linked to the provider account
 * (issuer + subject) if there is one, whatever its email says now;
 * otherwise an active user an admin added with the same email, provided
 * the provider says it verified that email, who is then linked. Returns
 * the user's id, or why not.
 */
export async function resolveOidcUser(profile: Claims, accessToken: string | undefined): Promise<{ id: string } | { refused: OidcRefusal }> {
  const issuer = typeof profile.iss === "string" ? profile.iss : env().AUTH_OIDC_ISSUER!;
  const subject = typeof profile.sub === "string" ? profile.sub : null;
  if (!subject) return { refused: "not_linked" };
  const linked = await getUserByOidcSubject({ issuer, subject });
  if (linked) return linked.active ? { id: linked.id } : { refused: "inactive" };
  const { email, verified } = await emailOf(profile, accessToken);
  if (!email) return { refused: "email_missing" };
  if (!verified) return { refused: "email_unverified" };
  const known = await getUserCredentialsByEmail({ email });
  if (!known) return { refused: "not_linked" };
  if (!known.active) return { refused: "inactive" };
  if ((await linkOidcSubject({ id: known.id, issuer, subject })) === "linked_elsewhere") return { refused: "linked_elsewhere" };
  return { id: known.id };
}

/**
 * Where to send someone signing out so the provider ends its session too
 * (OpenID Connect RP-initiated logout), or null: no single sign-on session,
 * or a provider without an end_session_endpoint. Read before the session
 * cookie is cleared; the provider sends the browser back to the login page.
 */
export async function oidcEndSessionUrl(requestHeaders: Headers): Promise<string | null> {
  if (!oidcEnabled()) return null;
  const secret = env().AUTH_SECRET;
  let token: JWT | null = null;
  for (const secureCookie of [true, false]) token ??= await getToken({ req: { headers: requestHeaders }, secret, secureCookie }).catch(() => null);
  if (typeof token?.idToken !== "string") return null;
  const endpoint = await oidcDiscovery()
    .then((d) => d.end_session_endpoint)
    .catch(() => undefined);
  if (!endpoint) return null;
  const url = new URL(endpoint);
  url.searchParams.set("id_token_hint", token.idToken);
  url.searchParams.set("client_id", env().AUTH_OIDC_CLIENT_ID!);
  url.searchParams.set("post_logout_redirect_uri", `${siteUrl()}/login`);
  return url.href;
}

/** After the signIn callback has admitted a single sign-on, the provider account is linked: this finds its user. */
export async function linkedUserId(profile: Claims | undefined): Promise<string | undefined> {
  if (typeof profile?.sub !== "string") return undefined;
  const issuer = typeof profile.iss === "string" ? profile.iss : env().AUTH_OIDC_ISSUER!;
  return (await getUserByOidcSubject({ issuer, subject: profile.sub }))?.id;
}
