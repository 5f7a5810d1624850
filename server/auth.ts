import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import { encode as encodeToken, type JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { z } from "zod";
import { getSsoOnly } from "@/db/queries/settings";
import { endSessionsIfCurrent, getUserById, getUserCredentialsByEmail } from "@/db/queries/users";
import { env, oidcConfigured, oidcEnabled, oidcIssuerProblem, siteUrl } from "@/server/env";
import type { Role } from "@/lib/permissions";
import { withLoginLimit } from "./login-limit";
import { idTokenIsGenuine, linkedUserId, refuse, resolveOidcUser, type Claims } from "./oidc";
import { dummyHash, verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

class InvalidLogin extends CredentialsSignin {
  code = "invalid_credentials";
}

/** The right password, but the organisation signs in through single sign-on only, and this is not an admin. */
export class SsoOnlyLogin extends CredentialsSignin {
  code = "sso_only";
}

function providers(): NextAuthConfig["providers"] {
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Both ways in (the login form's server action and POST /api/auth/callback/credentials) end here,
      // so the rate limit sits here. `request` carries the original request's headers (the client address).
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidLogin();
        const { email, password } = parsed.data;
        const user = await withLoginLimit(email, request.headers, async () => {
          const found = await getUserCredentialsByEmail({ email });
          // Unknown emails still cost one hash check, so response time does not reveal which emails exist.
          const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash()));
          return found && ok && found.active ? found : null;
        });
        if (!user) throw new InvalidLogin();
        // Said only after the right password, so it reveals nothing about who uses which way in.
        if (user.role !== "admin" && (await getSsoOnly())) throw new SsoOnlyLogin();
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ];
  if (oidcConfigured() && oidcIssuerProblem()) warnOnce(`[auth] ${oidcIssuerProblem()}`);
  if (oidcEnabled()) {
    const e = env();
    list.push({
      id: "oidc",
      name: e.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_CLIENT_ID,
      clientSecret: e.AUTH_OIDC_CLIENT_SECRET,
    });
  }
  return list;
}

let warned = false;
function warnOnce(message: string): void {
  if (!warned) console.error(message);
  warned = true;
}

/**
 * Secure cookies (`__Secure-` prefix, `Secure` flag) whenever the site is
 * served over HTTPS. Auth.js already decides per request from the URL it
 * sees (which honours `X-Forwarded-Proto: https` from a TLS-terminating
 * proxy); a configured https SITE_URL/AUTH_URL forces it, so a proxy that
 * forgets the header cannot downgrade the cookie. Plain http (local use)
 * keeps working with unprefixed, non-Secure cookies. HttpOnly and
 * SameSite=Lax are Auth.js defaults for the session cookie.
 */
function useSecureCookies(): boolean | undefined {
  const configured = process.env.AUTH_URL ?? env().SITE_URL;
  return configured?.startsWith("https://") ? true : undefined;
}

/**
 * A session ends at the latest this long after sign-in, however often it is
 * used: Auth.js alone slides the expiry forward on every read, so a copied
 * token kept in use would never expire.
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Seconds before the token's hard limit; 0 once it has passed, or for a token without a sign-in time. */
function secondsLeft(token: JWT): number {
  const signedInAt = token.signedInAt;
  const now = nowSeconds();
  // A sign-in time in the future (beyond clock skew) is not one this server wrote.
  if (typeof signedInAt !== "number" || signedInAt > now + 60) return 0;
  return Math.max(0, signedInAt + SESSION_MAX_AGE_SECONDS - now);
}

/** The user behind a session, read once per request: the jwt callback and getCurrentUser both need it. */
export const loadSessionUser = cache((id: string) => getUserById({ id }));

/**
 * Runs on every request that reads the session (auth(), GET /api/auth/session):
 * the token must be within its hard limit, and its session version must
 * still be the user's (signing out, "sign out everywhere", deactivation and
 * role changes raise it). Returning null makes Auth.js drop the cookie.
 */
async function stillValid(token: JWT): Promise<JWT | null> {
  if (!token.sub || typeof token.sessionVersion !== "number" || secondsLeft(token) === 0) return null;
  const user = await loadSessionUser(token.sub);
  if (!user?.active || user.sessionVersion !== token.sessionVersion) return null;
  return { ...token, role: user.role, name: user.name };
}

/**
 * Auth.js builds its own URLs, the redirect URI it sends to the identity
 * provider among them, from AUTH_URL, else from each request's Host and
 * X-Forwarded-Proto. An https SITE_URL is the address people use: it
 * stands in for AUTH_URL (set before Auth.js reads it, at each request), so
 * a TLS-terminating proxy that does not send X-Forwarded-Proto cannot make
 * the redirect URI (or the session cookie) plain http. An http SITE_URL is a
 * local try-out: there Auth.js keeps following the request, so a proxy's
 * X-Forwarded-Proto: https still makes cookies secure.
 */
function authUrlFromSiteUrl(): void {
  const site = env().SITE_URL;
  if (site?.startsWith("https://") && !process.env.AUTH_URL) process.env.AUTH_URL = `${siteUrl()}/api/auth`;
}
authUrlFromSiteUrl();

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  useSecureCookies: useSecureCookies(),
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: {
    // Auth.js re-encodes the token on each session read with exp = now + maxAge; cap it at the hard limit too,
    // so the token itself dies then even if a check were skipped.
    encode: (params) => encodeToken({ ...params, maxAge: Math.min(params.maxAge ?? SESSION_MAX_AGE_SECONDS, secondsLeft(params.token ?? {})) }),
  },
  events: {
    // Both ways out (the sign-out action and POST /api/auth/signout) end here. Only a current token may end
    // the user's sessions: a revoked copy must not be able to sign its owner out again and again.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token?.sub || typeof token.sessionVersion !== "number" || secondsLeft(token) === 0) return;
      await endSessionsIfCurrent({ id: token.sub, sessionVersion: token.sessionVersion });
    },
  },
  pages: { signIn: "/login", error: "/login" },
  providers: providers(),
  callbacks: {
    /**
     * Single sign-on admits only active people an admin has already added: the one linked to the
     * provider account, or, the first time, the one whose email the provider has verified.
     */
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      if (!(await idTokenIsGenuine(account.id_token))) return refuse("token_invalid");
      const resolved = await resolveOidcUser((profile ?? {}) as Claims, account.access_token);
      if ("refused" in resolved) return refuse(resolved.refused);
      return true;
    },
    async jwt({ token, user, account, profile }) {
      if (user && account) {
        // Sign-in: the token records the user's current session version and when the session began.
        const oidc = account.provider === "oidc";
        const id = oidc ? await linkedUserId(profile as Claims | undefined) : user.id;
        const known = id ? await loadSessionUser(id) : null;
        if (!known?.active) return null;
        return {
          ...token,
          sub: known.id,
          role: known.role,
          name: known.name,
          email: known.email,
          sessionVersion: known.sessionVersion,
          signedInAt: nowSeconds(),
          // Kept (never sent to the browser: the session callback leaves it out) to end the provider's session at sign-out.
          ...(oidc && account.id_token ? { idToken: account.id_token } : {}),
        };
      }
      return stillValid(token);
    },
    session({ session, token }) {
      if (token.sub) {
        session.user.id = token.sub;
        session.user.role = token.role as Role;
      }
      // Report the hard limit, not Auth.js's sliding expiry, so no client is told its session lasts longer.
      const end = new Date((nowSeconds() + secondsLeft(token)) * 1000);
      if (end < new Date(session.expires)) session.expires = end.toISOString() as typeof session.expires;
      return session;
    },
  },
}));

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; name?: string | null; email?: string | null };
  }
  interface User {
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The user's session version at sign-in (users.session_version). */
    sessionVersion?: number;
    /** Sign-in time, Unix seconds: the hard limit counts from here. */
    signedInAt?: number;
    /** After a single sign-on: the provider's ID token, the hint for ending the provider's session at sign-out. */
    idToken?: string;
  }
}
