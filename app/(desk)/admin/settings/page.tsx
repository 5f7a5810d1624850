import type { Metadata } from "next";
import Link from "next/link";
import { LanguageForm, SettingsForm, SsoOnlyForm, SuggestionThresholdForm } from "@/components/admin/settings-form";
import { Forbidden } from "@/components/desk/forbidden";
import { getSettingWithVersion } from "@/db/queries/settings";
import { SUGGESTION_THRESHOLD } from "@/lib/check-worthy";
import { env, oidcEnabled } from "@/server/env";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Settings" };

/** Organisation settings (admins only): the approval quorum, the fact-checks' language, how readily sentences are suggested, and whether people sign in through single sign-on only. */
export default async function SettingsPage() {
  const { allowed } = await requirePageUser("manage:organisation", "/admin/settings");
  if (!allowed) return <Forbidden what="Only admins can change organisation settings." />;
  const quorum = await getSettingWithVersion("approvalQuorum");
  const ssoOnly = await getSettingWithVersion("ssoOnly");
  const language = await getSettingWithVersion("language");
  const threshold = await getSettingWithVersion("suggestionThreshold");
  return (
    <main id="main" className="page-narrow">
      <h1>Settings</h1>
      <SettingsForm approvalQuorum={Number(quorum.value)} version={quorum.version} />
      <LanguageForm language={language.value} version={language.version} />
      <SuggestionThresholdForm threshold={threshold.value === "" ? null : Number(threshold.value)} shipped={SUGGESTION_THRESHOLD} version={threshold.version} />
      <SsoOnlyForm ssoOnly={ssoOnly.value === "1"} version={ssoOnly.version} provider={oidcEnabled() ? env().AUTH_OIDC_NAME : null} />
      <section className="card">
        <h2>Moving from Check</h2>
        <p>
          <Link href="/admin/check-import">Read a Check workspace export</Link> to see what it holds before bringing it in.
        </p>
      </section>
      <section className="card">
        <h2>Export everything</h2>
        <p>
          One ZIP of CSV files with the whole organisation: articles and their snapshots, claims with their anchors, verdict revisions, citations, reviews, publications,
          corrections, comments, the audit log and users (without passwords), with a README of every column. Another Factdesk restores it with{" "}
          <code>npm run restore:export</code>. Each download is recorded in the audit log.
        </p>
        <p>
          {/* A plain link, not client navigation: the browser downloads the streamed file. */}
          <a className="button secondary" href="/api/admin/export" download>
            Download the export
          </a>
        </p>
      </section>
    </main>
  );
}
