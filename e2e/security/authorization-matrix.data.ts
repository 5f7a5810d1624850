/**
 * Who may call what: every server action (`<file>#<export>`, as the build's
 * server-reference manifest names it) and every exported method of every
 * app/**\/route.ts, with the permission (lib/permissions.ts) it needs, or
 * "public". authorization-matrix.spec.ts fails when the build or the route
 * files have something this list does not, or this list names something gone.
 *
 * Adding an action or a route: add its line here, with the permission its
 * `action(…, { permission })` / `route(…, { permission })` call names.
 */
import type { Permission } from "../../lib/permissions";

export type Access = Permission | "public";

/**
 * `args`: what the matrix calls the action with. Empty input is refused by
 * validation, after authorization, so nothing changes when the call is allowed.
 */
export type ActionEntry = { access: Access; args?: "object" | "form" | "state-form" | "none" };

export const ACTIONS: Record<string, ActionEntry> = {
  // Anonymous on purpose: signing in and out, and the one-time set-up (refused once any user exists).
  "app/(auth)/actions.ts#loginAction": { access: "public", args: "state-form" },
  "app/(auth)/actions.ts#oidcLoginAction": { access: "public", args: "form" },
  "app/(auth)/actions.ts#signOutAction": { access: "public", args: "none" },
  "app/(auth)/actions.ts#setupAction": { access: "public", args: "state-form" },

  "app/(desk)/articles/new/actions.ts#previewImportAction": { access: "write:desk" },
  "app/(desk)/articles/new/actions.ts#previewFileAction": { access: "write:desk", args: "form" },
  "app/(desk)/articles/new/actions.ts#saveImportAction": { access: "write:desk" },

  "app/(desk)/articles/[id]/actions.ts#getWorkspaceAction": { access: "read:desk" },
  "app/(desk)/articles/[id]/actions.ts#createClaimAction": { access: "write:desk" },
  "app/(desk)/articles/[id]/actions.ts#updateClaimAction": { access: "write:desk" },
  "app/(desk)/articles/[id]/actions.ts#setClaimExclusionAction": { access: "write:desk" },
  "app/(desk)/articles/[id]/actions.ts#proposeVerdictAction": { access: "write:desk" },

  "app/(desk)/articles/[id]/workspace-actions.ts#findClaimMatchesAction": { access: "read:desk" },
  "app/(desk)/articles/[id]/workspace-actions.ts#findEarlierChecksAction": { access: "read:desk" },
  "app/(desk)/articles/[id]/workspace-actions.ts#linkClaimAction": { access: "write:desk" },
  "app/(desk)/articles/[id]/workspace-actions.ts#unlinkClaimAction": { access: "write:desk" },
  "app/(desk)/articles/[id]/workspace-actions.ts#dismissSuggestionAction": { access: "write:desk" },

  "app/(desk)/articles/[id]/collaboration-actions.ts#listCommentsAction": { access: "read:desk" },
  "app/(desk)/articles/[id]/collaboration-actions.ts#addCommentAction": { access: "write:desk" },
  "app/(desk)/articles/[id]/collaboration-actions.ts#listDeskPeopleAction": { access: "read:desk" },
  // Reviewers may assign work to themselves; assigning others (assign:others) is checked inside, per input.
  "app/(desk)/articles/[id]/collaboration-actions.ts#assignAction": { access: "write:desk" },
  "app/(desk)/articles/[id]/collaboration-actions.ts#verdictHistoryAction": { access: "read:desk" },

  "app/(desk)/articles/[id]/versions/actions.ts#saveVersionAction": { access: "write:desk" },
  "app/(desk)/articles/[id]/versions/actions.ts#decideAnchorAction": { access: "write:desk" },

  "app/(desk)/approvals/actions.ts#reviewVerdictAction": { access: "review:verdict" },
  "app/(desk)/notifications/actions.ts#markNotificationsReadAction": { access: "read:desk" },
  "app/(desk)/articles/[id]/publishing-actions.ts#publishArticleAction": { access: "publish:article" },
  "app/(desk)/articles/[id]/publishing-actions.ts#unpublishArticleAction": { access: "publish:article" },

  "app/(desk)/admin/users/actions.ts#createUserAction": { access: "manage:organisation" },
  "app/(desk)/admin/users/actions.ts#changeUserRoleAction": { access: "manage:organisation" },
  "app/(desk)/admin/users/actions.ts#setUserActiveAction": { access: "manage:organisation" },
  "app/(desk)/admin/users/actions.ts#setUserPasswordAction": { access: "manage:organisation" },
  "app/(desk)/admin/users/actions.ts#signOutUserEverywhereAction": { access: "manage:organisation" },
  "app/(desk)/admin/rating-scale/actions.ts#createRatingAction": { access: "manage:organisation" },
  "app/(desk)/admin/rating-scale/actions.ts#updateRatingAction": { access: "manage:organisation" },
  "app/(desk)/admin/rating-scale/actions.ts#moveRatingAction": { access: "manage:organisation" },
  "app/(desk)/admin/rating-scale/actions.ts#setRatingHiddenAction": { access: "manage:organisation" },
  "app/(desk)/admin/rating-scale/actions.ts#deleteRatingAction": { access: "manage:organisation" },
  "app/(desk)/admin/settings/actions.ts#updateSettingsAction": { access: "manage:organisation" },
  "app/(desk)/admin/settings/actions.ts#updateSsoOnlyAction": { access: "manage:organisation" },
  "app/(desk)/admin/settings/actions.ts#updateLanguageAction": { access: "manage:organisation" },
  "app/(desk)/admin/settings/actions.ts#updateSuggestionThresholdAction": { access: "manage:organisation" },
  "app/(desk)/admin/check-import/actions.ts#previewCheckExportAction": { access: "manage:organisation", args: "form" },
  "app/(desk)/admin/check-import/actions.ts#importCheckExportAction": { access: "manage:organisation", args: "form" },
  "app/(desk)/prior-fact-checks/actions.ts#previewPriorFactChecksAction": { access: "review:verdict" },
  "app/(desk)/prior-fact-checks/actions.ts#importPriorFactChecksAction": { access: "review:verdict" },
  "app/(desk)/prior-fact-checks/actions.ts#undoImportBatchAction": { access: "review:verdict" },
  "app/(desk)/admin/pages/actions.ts#saveOrganisationPageAction": { access: "manage:organisation" },
  "app/(desk)/sources-changed/actions.ts#resolveSourceChangeAction": { access: "write:desk" },
  "app/(desk)/sources-changed/actions.ts#checkLinksNowAction": { access: "manage:organisation" },
};

/**
 * `path`: a concrete URL to call (`:article`: an article the test creates, `:original`: its PDF as imported,
 * `:slug`: a published fact-check). POSTs go out with an empty form body.
 */
export type RouteEntry = { file: string; method: string; access: Access; path: string };

export const ROUTES: RouteEntry[] = [
  { file: "app/api/articles/[id]/annotations/route.ts", method: "GET", access: "read:desk", path: "/api/articles/:article/annotations" },
  { file: "app/api/articles/[id]/changes/route.ts", method: "GET", access: "read:desk", path: "/api/articles/:article/changes" },
  { file: "app/api/originals/[id]/route.ts", method: "GET", access: "read:desk", path: "/api/originals/:original" },
  // next-auth's own endpoints: public by nature; the spec checks they hand nobody else's session out.
  { file: "app/api/auth/[...nextauth]/route.ts", method: "GET", access: "public", path: "/api/auth/session" },
  { file: "app/api/auth/[...nextauth]/route.ts", method: "POST", access: "public", path: "/api/auth/callback/credentials" },
  { file: "app/api/admin/export/route.ts", method: "GET", access: "manage:organisation", path: "/api/admin/export" },
  { file: "app/api/health/route.ts", method: "GET", access: "public", path: "/api/health" },
  { file: "app/api/public/fact-checks/route.ts", method: "GET", access: "public", path: "/api/public/fact-checks" },
  { file: "app/api/public/fact-checks/route.ts", method: "OPTIONS", access: "public", path: "/api/public/fact-checks" },
  { file: "app/api/public/fact-checks/[slug]/route.ts", method: "GET", access: "public", path: "/api/public/fact-checks/:slug" },
  { file: "app/api/public/fact-checks/[slug]/route.ts", method: "OPTIONS", access: "public", path: "/api/public/fact-checks/:slug" },
  { file: "app/(public)/fact-checks/feed.xml/route.ts", method: "GET", access: "public", path: "/fact-checks/feed.xml" },
  { file: "app/api/public/claimreview-feed.json/route.ts", method: "GET", access: "public", path: "/api/public/claimreview-feed.json" },
  { file: "app/api/public/claimreview-feed.json/route.ts", method: "OPTIONS", access: "public", path: "/api/public/claimreview-feed.json" },
  { file: "app/robots.txt/route.ts", method: "GET", access: "public", path: "/robots.txt" },
  { file: "app/sitemap.xml/route.ts", method: "GET", access: "public", path: "/sitemap.xml" },
  { file: "app/sitemaps/[file]/route.ts", method: "GET", access: "public", path: "/sitemaps/pages-1.xml" },
];
