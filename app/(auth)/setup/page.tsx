import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-shell";
import { SetupForm } from "@/components/auth/setup-form";
import { connection } from "next/server";
import { countUsers } from "@/db/queries/users";

export const metadata: Metadata = { title: "Set up" };

/**
 * One-time set-up of the first admin. Once anyone exists this page is gone
 * (and setupAction refuses on its own, inside the insert transaction).
 */
export default async function SetupPage() {
  // Rendered per request: whether users exist decides what this page shows.
  await connection();
  if ((await countUsers()) > 0) redirect("/login");
  return (
    <AuthCard
      title="Set up Factdesk"
      lead="Create the first admin account. You can add reviewers, editors and more admins once you are in."
    >
      <SetupForm />
    </AuthCard>
  );
}
