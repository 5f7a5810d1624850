import type { ComponentPropsWithoutRef, ReactElement } from "react";
import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import styles from "./markdown.module.css";

type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export type MarkdownProps = {
  /** Markdown written by a user (a verdict's rationale, a review comment). */
  source: string;
  className?: string;
  /**
   * The HTML level a markdown `#` heading becomes, so text written with
   * `# Heading` never breaks the page's heading order (default 4; deeper
   * markdown levels follow and stop at h6).
   */
  headingLevel?: HeadingLevel;
};

/**
 * Renders user-written markdown safely, for the public site and the desk alike.
 * No raw HTML reaches the DOM (react-markdown turns it into visible text and we
 * add no rehype-raw), URLs go through react-markdown's default transform (which
 * blanks `javascript:` and other unsafe schemes), links carry
 * rel="nofollow noopener", and images become links so a rationale cannot load
 * third-party content (trackers) into the page.
 */
export function Markdown({ source, className, headingLevel = 4 }: MarkdownProps) {
  return (
    <div className={[styles.markdown, className].filter(Boolean).join(" ")}>
      {parsed(source, headingLevel)}
    </div>
  );
}

/**
 * Parsed trees, by heading level and source. A rationale never changes once
 * written and a public page renders the same ones on every request: parsing
 * them again was about 6 % of a fact-check page's server time under load.
 * React elements are immutable, so one tree can serve every render. Small
 * and bounded (least recently used out first); long texts are not kept.
 */
const parsedTrees = new Map<string, ReactElement>();
const MAX_TREES = 500;
const MAX_CACHED_SOURCE = 5000;

function parsed(source: string, headingLevel: HeadingLevel): ReactElement {
  const key = `${headingLevel}:${source}`;
  const hit = parsedTrees.get(key);
  if (hit) {
    parsedTrees.delete(key);
    parsedTrees.set(key, hit);
    return hit;
  }
  // ReactMarkdown is a plain synchronous function of its props (no hooks), so calling it directly is what rendering it would do.
  const tree = ReactMarkdown({ children: source, components: componentsFor(headingLevel), skipHtml: false });
  // Only on the server: in the browser the live previews would fill it with every keystroke's draft.
  if (typeof window === "undefined" && source.length <= MAX_CACHED_SOURCE) {
    parsedTrees.set(key, tree);
    if (parsedTrees.size > MAX_TREES) parsedTrees.delete(parsedTrees.keys().next().value!);
  }
  return tree;
}

const cache = new Map<HeadingLevel, Components>();

function componentsFor(base: HeadingLevel): Components {
  let components = cache.get(base);
  if (!components) {
    components = {
      a: MarkdownLink,
      img: MarkdownImage,
      h1: heading(base, 0),
      h2: heading(base, 1),
      h3: heading(base, 2),
      h4: heading(base, 3),
      h5: heading(base, 4),
      h6: heading(base, 5),
    };
    cache.set(base, components);
  }
  return components;
}

function heading(base: HeadingLevel, offset: number) {
  const Tag = `h${Math.min(6, base + offset)}` as "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
  function MarkdownHeading({ node: _node, ...props }: ComponentPropsWithoutRef<"h1"> & ExtraProps) {
    return <Tag {...props} />;
  }
  return MarkdownHeading;
}

function MarkdownLink({ node: _node, href, children, ...props }: ComponentPropsWithoutRef<"a"> & ExtraProps) {
  // An unsafe URL arrives here as "" (default urlTransform): show the text, not a dead link.
  if (!href) return <span>{children}</span>;
  return (
    <a {...props} href={href} rel="nofollow noopener">
      {children}
    </a>
  );
}

function MarkdownImage({ src, alt }: ComponentPropsWithoutRef<"img"> & ExtraProps) {
  const text = alt?.trim() ? `Image: ${alt.trim()}` : "Image";
  if (typeof src !== "string" || !src) return <span>{text}</span>;
  return (
    <a href={src} rel="nofollow noopener">
      {text}
    </a>
  );
}
