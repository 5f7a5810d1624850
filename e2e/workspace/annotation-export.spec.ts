/**
 * W3C Web Annotation export of an article's claims, for signed-in users only;
 * and the workspace passes an axe audit with no serious or critical issues.
 */
import AxeBuilder from "@axe-core/playwright";
import { MECHANISM_SENTENCE, MECHANISM_STATEMENT, MECHANISM_VERDICT } from "../fixtures/data";
import { articleWithProposedVerdict } from "../fixtures/workflow";
import { expect, test } from "../fixtures/test";

type Selector = { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number };
type Annotation = { "@context": string; id: string; type: string; motivation: string; body: { type: string; purpose: string; value: string }[]; target: { type: string; source: string; selector: Selector[] } };

test("exports claims as a W3C AnnotationCollection, refuses anonymous readers, and the workspace passes axe", async ({ reviewer, anonymous }, testInfo) => {
  const { id } = await articleWithProposedVerdict(reviewer, testInfo, "Export");

  const refused = await anonymous.request.get(`/api/articles/${id}/annotations`);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: "Sign in to continue.", code: "unauthorized:session" });
  expect((await reviewer.request.get(`/api/articles/does-not-exist/annotations`)).status()).toBe(404);

  const response = await reviewer.request.get(`/api/articles/${id}/annotations`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
  const collection = (await response.json()) as { "@context": string; id: string; type: string; total: number; first: { type: string; partOf: string; items: Annotation[] } };
  expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
  expect(collection.type).toBe("AnnotationCollection");
  expect(collection.id).toMatch(new RegExp(`/api/articles/${id}/annotations$`));
  expect(collection.total).toBe(1);
  expect(collection.first.type).toBe("AnnotationPage");
  expect(collection.first.partOf).toBe(collection.id);
  const [annotation] = collection.first.items;
  expect(annotation!["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
  expect(annotation!.type).toBe("Annotation");
  expect(annotation!.id).toMatch(/^http:\/\/.+#claim-.+/);
  expect(annotation!.body.find((b) => b.purpose === "describing")?.value).toBe(MECHANISM_STATEMENT);
  expect(annotation!.body.find((b) => b.purpose === "assessing")?.value).toBe(MECHANISM_VERDICT.rating);
  expect(annotation!.target.type).toBe("SpecificResource");
  const quote = annotation!.target.selector.find((s) => s.type === "TextQuoteSelector")!;
  const position = annotation!.target.selector.find((s) => s.type === "TextPositionSelector")!;
  expect(quote.exact).toBe(MECHANISM_SENTENCE);
  expect(position.end! - position.start!).toBe([...MECHANISM_SENTENCE].length);

  // Paged as the Web Annotation Protocol describes: ?page=N, nothing past the last page, a clear 400 for nonsense.
  const page = await (await reviewer.request.get(`/api/articles/${id}/annotations?page=0`)).json();
  expect(page).toMatchObject({ type: "AnnotationPage", startIndex: 0, partOf: { id: collection.id, total: 1 } });
  expect((await reviewer.request.get(`/api/articles/${id}/annotations?page=1`)).status()).toBe(404);
  expect((await reviewer.request.get(`/api/articles/${id}/annotations?page=first`)).status()).toBe(400);

  // Accessibility of the workspace with a claim open and suggestions shown.
  await reviewer.goto(`/articles/${id}`);
  await expect(reviewer.locator("#article-text [data-suggestion-id]").first()).toBeVisible();
  await reviewer.getByRole("button", { name: new RegExp(MECHANISM_STATEMENT.slice(0, 20)) }).first().click();
  const results = await new AxeBuilder({ page: reviewer }).include("#main").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
