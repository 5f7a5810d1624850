/** Import and snapshot pages are desk pages: anonymous readers are sent to sign in and see no article data. */
import { DESK_PAGES, loginRedirect } from "../fixtures/desk-pages";
import { expect, test } from "../fixtures/test";

for (const { path } of DESK_PAGES.filter((p) => p.area === "import")) {
  test(`anonymous visitors cannot open ${path}`, async ({ anonymous }) => {
    await anonymous.goto(path);
    await expect(anonymous).toHaveURL(loginRedirect(path));
    await expect(anonymous.getByRole("button", { name: "Fetch and preview" })).toHaveCount(0);
  });
}
