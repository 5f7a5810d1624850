import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEMO_ACCOUNTS } from "@/db/seed/demo-accounts";
import { LoginForm } from "@/components/auth/login-form";
import { connection } from "next/server";
import { getSsoOnly } from "@/db/queries/settings";
import { countUsers } from "@/db/queries/users";
import { env, isDemoMode, oidcEnabled } from "@/server/env";
import { getCurrentUser } from "@/server/session";

export const metadata: Metadata = { title: "Sign in" };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Auth.js sends people back here with `?error=…` when a sign-in is refused outside our form (single sign-on). */
function errorMessage(code: string | undefined, detail: string | undefined, providerName: string): string | null {
  if (!code) return null;
  // POST /api/auth/callback/credentials over the limit (the form's own action says how long to wait).
  if (code === "CredentialsSignin" && detail === "rate_limited") return "Too many failed sign-in attempts. Wait a few minutes, then try again.";
  if (code === "AccessDenied") return refusalMessage(detail, providerName);
  if (code === "CredentialsSignin" && detail === "sso_only") return "Your organisation signs in through single sign-on only. Use the single sign-on button.";
  if (code === "CredentialsSignin") return "That email and password do not match an active account.";
  return "Sign-in did not complete. Try again.";
}

/** A refused single sign-on, said precisely: the codes come from the signIn callback in server/auth.ts. */
function refusalMessage(detail: string | undefined, providerName: string): string {
  switch (detail) {
    case "token_invalid":
      return `Factdesk could not verify the answer from ${providerName}: its signature does not match ${providerName}'s published keys, so it may have been altered on the way. Try again; if it happens again, tell an admin.`;
    case "email_missing":
      return `${providerName} did not give Factdesk your email address, neither in the ID token nor from its userinfo endpoint, so there is no Factdesk user to match. Ask whoever runs ${providerName} to release the "email" claim to Factdesk.`;
    case "email_unverified":
      return `${providerName} has not verified the email address of your account, so Factdesk will not sign you in with it. Verify your address with ${providerName}, then try again.`;
    case "not_linked":
      return `No active Factdesk user has the email address of your ${providerName} account. Ask an admin to add you.`;
    case "inactive":
      return "Your Factdesk account has been deactivated. Ask an admin.";
    case "linked_elsewhere":
      return `The Factdesk user with your email address is linked to a different ${providerName} account. Ask an admin.`;
    default:
      return `Your ${providerName} account is not linked to an active Factdesk user. Ask an admin to add you.`;
  }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Rendered per request: whether users exist decides what this page shows.
  await connection();
  if ((await countUsers()) === 0) redirect("/setup");
  if (await getCurrentUser()) redirect("/articles");

  const params = await searchParams;
  const oidcName = oidcEnabled() ? env().AUTH_OIDC_NAME : null;
  return (
    <LoginForm
      next={first(params.next)}
      initialError={errorMessage(first(params.error), first(params.code), oidcName ?? "single sign-on")}
      oidcName={oidcName}
      ssoOnly={Boolean(oidcName) && (await getSsoOnly())}
      demoAccounts={isDemoMode() ? DEMO_ACCOUNTS : undefined}
    />
  );
}
