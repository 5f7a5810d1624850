/**
 * Hostile strings for the XSS spec. Each one, if it ever ran, would call
 * window.__xssFired("<id>") (installed by the spec in every frame) so the
 * spec knows which payload got through and where.
 */
import type { Page } from "@playwright/test";

const fire = (id: string) => `__xssFired('${id}')`;

/** Short payloads: each fits a claim statement (120 characters) with room to spare. */
export const PAYLOADS: Record<string, string> = {
  script: `<script>${fire("script")}</script>`,
  img: `<img src=x onerror="${fire("img")}">`,
  svg: `<svg onload=${fire("svg")}>`,
  iframe: `"><iframe srcdoc="<script>parent.${fire("iframe")}</script>">`,
  attr: `" autofocus onfocus="${fire("attr")}" x="`,
  attrSingle: `' onmouseover='${fire("attrSingle")}' x='`,
  jsonld: `</script><script>${fire("jsonld")}</script>`,
  details: `<details open ontoggle=${fire("details")}>`,
  mathml: `<math><mtext><table><mglyph><style><img src=x onerror=${fire("mathml")}>`,
  jsUrl: `javascript:${fire("jsUrl")}`,
  mdLink: `[click me](javascript:${fire("mdLink")})`,
  mdImage: `![pic](javascript:${fire("mdImage")})`,
  mdImageAttr: `![pic](https://example.org/x.png" onerror="${fire("mdImageAttr")})`,
  htmlLink: `<a href="javas&#99;ript:${fire("htmlLink")}">entity link</a>`,
  template: `{{constructor.constructor("${fire("template")}")()}}`,
};

export const ALL = Object.values(PAYLOADS).join("\n\n");

/** Payloads in groups short enough for 120-character fields. */
export function chunks(max: number): string[] {
  const out: string[] = [];
  for (const p of Object.values(PAYLOADS)) {
    const last = out.at(-1);
    if (last !== undefined && last.length + p.length + 1 <= max) out[out.length - 1] = `${last} ${p}`;
    else out.push(p.slice(0, max));
  }
  return out;
}

/** Installs the hook in every frame of every page of the context, and fails on any dialog. */
export async function armPage(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const w = window as unknown as { __xssFired: (id: string) => void; __xssLog: string[] };
    w.__xssLog = [];
    w.__xssFired = (id) => {
      w.__xssLog.push(id);
      try {
        if (window.top !== window) (window.top as unknown as { __xssLog?: string[] }).__xssLog?.push(`${id} (in a frame)`);
      } catch {
        /* a cross-origin frame: its own log is read separately */
      }
    };
  });
  page.on("dialog", (dialog) => {
    throw new Error(`a script opened a ${dialog.type()} dialog: ${dialog.message()}`);
  });
}

/**
 * What ran on the page (the hook's log, in every frame) and what would run
 * on a click or focus: any attribute that is an event handler or a URL and
 * mentions the hook.
 */
export async function ranOrArmed(page: Page): Promise<string[]> {
  await page.waitForTimeout(250); // image errors, frame loads and toggles fire a moment after load
  const found: string[] = [];
  for (const frame of page.frames()) {
    const result = await frame
      .evaluate(() => {
        const w = window as unknown as { __xssLog?: string[] };
        const armed: string[] = [];
        for (const el of Array.from(document.querySelectorAll("*"))) {
          for (const attr of Array.from(el.attributes)) {
            const handler = /^on/i.test(attr.name) || attr.name === "srcdoc";
            const url = /^(href|src|action|formaction|data|xlink:href)$/i.test(attr.name) && /^[\s\u0000-\u001f]*(javascript|vbscript|data):/i.test(attr.value);
            if ((handler || url) && attr.value.includes("__xssFired")) armed.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 80)}">`);
          }
        }
        return [...(w.__xssLog ?? []).map((id) => `ran: ${id}`), ...armed];
      })
      .catch(() => [] as string[]);
    found.push(...result.map((r) => `${frame.url()}: ${r}`));
  }
  return found;
}
