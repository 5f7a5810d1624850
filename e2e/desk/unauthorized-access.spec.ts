/**
 * The desk's collaboration and administration pages and actions: anonymous
 * visitors are sent to sign in, under-privileged users are refused, and
 * neither gets data — also when replaying a server action directly.
 */
import { can, type Role } from "../../lib/permissions";
import { captureAction } from "../fixtures/actions";
import { ARTICLE_TEXT } from "../fixtures/data";
import { DESK_PAGES, loginRedirect } from "../fixtures/desk-pages";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

/** The collaboration and administration pages. */
const OWN_PAGES = DESK_PAGES.filter((p) => p.area === "collaboration" || p.area === "admin");
/** Of those, the ones `role` may not open. */
const refused = (role: Role) => OWN_PAGES.filter((p) => !can(role, p.permission)).map((p) => p.path);

test("anonymous visitors are sent to the login page from every new desk page", async ({ anonymous }) => {
  for (const { path } of OWN_PAGES) {
    await anonymous.goto(path);
    await expect(anonymous, path).toHaveURL(loginRedirect(path));
  }
});

test("a reviewer is refused the admin pages and the desk-wide audit log; an editor the admin pages", async ({ reviewer, editor }) => {
  for (const path of refused("reviewer")) {
    await reviewer.goto(path);
    await expect(reviewer.getByRole("heading", { name: "Not available to your role" }), path).toBeVisible();
  }
  await expect(reviewer.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  for (const path of refused("editor")) {
    await editor.goto(path);
    await expect(editor.getByRole("heading", { name: "Not available to your role" }), path).toBeVisible();
  }
  await editor.goto("/audit");
  await expect(editor.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
});

test("replayed admin actions (quorum, rating scale) are refused for reviewers, editors and anonymous callers", async ({ pageAs, reviewer, editor, anonymousRequest }) => {
  const admin = await pageAs("admin");
  await admin.goto("/admin/settings");
  const save = admin.getByRole("button", { name: "Save settings" });
  await expect(save).toBeVisible();
  await admin.waitForLoadState("networkidle");
  const quorumCall = await captureAction(admin, "**/admin/settings", async () => {
    await admin.getByLabel("Approval quorum").selectOption("3");
    await save.click();
  });
  await admin.goto("/admin/rating-scale");
  await admin.waitForLoadState("networkidle");
  const hideCall = await captureAction(admin, "**/admin/rating-scale", () => admin.getByRole("button", { name: "Hide Accurate" }).click());

  for (const [who, request] of [["reviewer", reviewer.request], ["editor", editor.request], ["anonymous", anonymousRequest]] as const) {
    for (const [call, path] of [[quorumCall, "/admin/settings"], [hideCall, "/admin/rating-scale"]] as const) {
      const body = await call.replayAs(request);
      expect(body, `${who} on ${path}`).toMatch(/Only admins|Sign in to continue/);
    }
  }
  // Nothing changed: the quorum is still 1 and "Accurate" is still offered.
  await admin.reload();
  await expect(admin.getByRole("button", { name: "Hide Accurate" })).toBeVisible();
  await admin.goto("/admin/settings");
  await expect(admin.getByLabel("Approval quorum")).toHaveValue("1");
});

test("a reviewer cannot assign work to someone else", async ({ reviewer, editor }, testInfo) => {
  const title = uniqueTitle(testInfo, "Assignment rights");
  const id = await pages.import(editor).importArticle({ title, text: ARTICLE_TEXT });
  await editor.getByLabel("Assigned to").selectOption({ label: "Omar Okafor" });
  // Saved on the server (not only shown): a fresh load shows it.
  await expect(async () => {
    await editor.reload();
    await expect(editor.getByLabel("Assigned to").locator("option:checked")).toHaveText("Omar Okafor", { timeout: 1000 });
  }).toPass();

  await pages.article(reviewer).goto(id);
  // The picker is locked for a reviewer when someone else holds the work.
  await expect(reviewer.getByLabel("Assigned to")).toBeDisabled();
});
