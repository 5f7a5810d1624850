/** Import and snapshot pages are desk pages: anonymous readers are sent to sign in and see no article data. */
import { expect, test } from "../fixtures/test";

for (const path of ["/articles/new", "/articles/some-article/versions/new", "/articles/some-article/versions/2"]) {
  test(`anonymous visitors cannot open ${path}`, async ({ anonymous }) => {
    await anonymous.goto(path);
    await expect(anonymous).toHaveURL(/\/login/);
    await expect(anonymous.getByRole("button", { name: "Fetch and preview" })).toHaveCount(0);
  });
}
