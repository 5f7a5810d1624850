import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEMO_ACCOUNTS } from "@/components/auth/demo-accounts";
import { LoginForm } from "@/components/auth/login-form";
import { connection } from "next/server";
import { countUsers } from "@/db/queries/users";
import { env, isDemoMode, oidcConfigured } from "@/lib/env";
import { getCurrentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Sign in" };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Auth.js sends people back here with `?error=…` when a sign-in is refused outside our form (single sign-on). */
function errorMessage(code: string | undefined, detail: string | undefined, providerName: string): string | null {
  if (!code) return null;
  // POST /api/auth/callback/credentials over the limit (the form's own action says how long to wait).
  if (code === "CredentialsSignin" && detail === "rate_limited") return "Too many failed sign-in attempts. Wait a few minutes, then try again.";
  if (code === "AccessDenied") {
    return `Your ${providerName} account is not linked to an active Factdesk user. Ask an admin to add you.`;
  }
  if (code === "CredentialsSignin") return "That email and password do not match an active account.";
  return "Sign-in did not complete. Try again.";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Rendered per request: whether users exist decides what this page shows.
  await connection();
  if ((await countUsers()) === 0) redirect("/setup");
  if (await getCurrentUser()) redirect("/articles");

  const params = await searchParams;
  const oidcName = oidcConfigured() ? env().AUTH_OIDC_NAME : null;
  return (
    <LoginForm
      next={first(params.next)}
      initialError={errorMessage(first(params.error), first(params.code), oidcName ?? "single sign-on")}
      oidcName={oidcName}
      demoAccounts={isDemoMode() ? DEMO_ACCOUNTS : undefined}
    />
  );
}
