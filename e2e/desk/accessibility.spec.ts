/** axe on the new desk pages: zero serious or critical violations. */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../fixtures/test";

const PAGES: [role: "reviewer" | "editor" | "admin", path: string][] = [
  ["reviewer", "/queues"],
  ["editor", "/queues?queue=awaiting"],
  ["reviewer", "/notifications"],
  ["editor", "/audit"],
  ["admin", "/admin/rating-scale"],
  ["admin", "/admin/settings"],
  ["admin", "/sources-changed"],
  ["reviewer", "/sources-changed"],
];

for (const [role, path] of PAGES) {
  test(`${path} as ${role} has no serious or critical axe violations`, async ({ pageAs }) => {
    const page = await pageAs(role);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
