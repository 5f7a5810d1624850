import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getUserCredentialsByEmail } from "@/db/queries/users";
import { env, oidcConfigured } from "@/lib/env";
import type { Role } from "@/lib/permissions";
import { withLoginLimit } from "./login-limit";
import { dummyHash, verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

class InvalidLogin extends CredentialsSignin {
  code = "invalid_credentials";
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
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ];
  if (oidcConfigured()) {
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
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: providers(),
  callbacks: {
    /** Single sign-on admits only people an admin has already added (matched by email) and who are active. */
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      const known = user.email ? await getUserCredentialsByEmail({ email: user.email }) : null;
      return Boolean(known?.active);
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const known = user.email ? await getUserCredentialsByEmail({ email: user.email }) : null;
        if (known) {
          token.sub = known.id;
          token.role = known.role;
          token.name = known.name;
        }
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) {
        session.user.id = token.sub;
        session.user.role = token.role as Role;
      }
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
