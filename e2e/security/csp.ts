import { expect, type Page } from "@playwright/test";

/**
 * Collects Content-Security-Policy violations on a page: the
 * `securitypolicyviolation` events (installed before any page script runs,
 * in every frame that runs scripts) and Chromium's console reports (which
 * also cover frames where no script of ours can run).
 */
export function watchCsp(page: Page): { violations: () => Promise<string[]> } {
  const consoleReports: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|evaluate|apply|frame|connect)/i.test(message.text())) consoleReports.push(`console: ${message.text()}`);
  });
  void page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile || location.pathname}:${e.lineNumber}`);
    });
  });
  return {
    async violations() {
      const events = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [] as string[]);
      return [...events, ...consoleReports];
    },
  };
}

/** Asserts none so far, naming the page in the failure. */
export async function expectNoViolations(watch: ReturnType<typeof watchCsp>, where: string): Promise<void> {
  // Violations are reported asynchronously; a short pause catches late ones (lazy chunks, frames).
  await new Promise((r) => setTimeout(r, 300));
  expect(await watch.violations(), `CSP violations on ${where}`).toEqual([]);
}

/** The directives of a policy, by name. */
export function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(" ")]),
  );
}
