import { memo, type CSSProperties, type ReactNode } from "react";
import { segmentBlocks, type BlockSegments, type HighlightRange, type Segment } from "@/lib/anchoring/highlight";
import type { Block, BlockKind } from "@/lib/anchoring/text";
import { markerBefore } from "@/lib/block-place";

export type ArticleTextProps = {
  blocks: Block[];
  ranges: HighlightRange[];
  /** Verdict colour per claim id (public page); omitted on the desk. */
  colourOf?: (id: string) => string | undefined;
  /** Short accessible description per claim id, e.g. "Claim 2: Inaccurate". */
  labelOf?: (id: string) => string | undefined;
  activeId?: string | null;
  /** The check-worthy suggestion being looked at (desk only). */
  activeSuggestionId?: string | null;
};

/** Range ids with this prefix are check-worthy suggestions, rendered as dotted underlines rather than claim marks. */
export const SUGGESTION_PREFIX = "suggestion:";

const TAG: Record<BlockKind, "h2" | "p" | "li" | "blockquote"> = { heading: "h2", paragraph: "p", list_item: "li", quote: "blockquote" };

/**
 * Renders a snapshot from its blocks (never from imported HTML). Every text
 * run sits in an element carrying `data-start`, its code-point offset in the
 * canonical text, so a DOM selection maps straight back to an anchor.
 * Highlights are nested <mark>s computed from anchors; no DOM node is mutated.
 */
export function ArticleText({ blocks, ranges, colourOf, labelOf, activeId, activeSuggestionId }: ArticleTextProps) {
  const rendered = segmentBlocks(blocks, ranges);
  const out: ReactNode[] = [];
  let list: ReactNode[] = [];
  const flushList = (key: string) => {
    if (list.length) out.push(<ul key={`ul-${key}`}>{list}</ul>);
    list = [];
  };
  const options = { colourOf, labelOf, activeId, activeSuggestionId };
  for (const block of rendered) {
    const marker = markerBefore(blocks, block.index);
    const element = <BlockView key={block.index} block={block} marker={marker} options={options} signature={`${marker}|${signatureOf(block, options)}`} />;
    if (block.kind === "list_item") list.push(element);
    else {
      flushList(String(block.index));
      out.push(element);
    }
  }
  flushList("end");
  return <div className="article-text">{out}</div>;
}

type RenderOptions = Pick<ArticleTextProps, "colourOf" | "labelOf" | "activeId" | "activeSuggestionId">;

/**
 * Everything a block's output depends on, as a string. A long article has
 * thousands of blocks and most do not change when a claim is added or
 * activated: blocks with an unchanged signature skip rendering entirely,
 * which keeps a new highlight on a 50,000-word article within a frame or two.
 */
function signatureOf(block: BlockSegments, options: RenderOptions): string {
  let out = block.kind;
  for (const s of block.segments) {
    out += `|${s.start}:${s.text}`;
    for (const id of s.ids) {
      out += `,${id}${options.activeId === id || options.activeSuggestionId === id ? "*" : ""}${options.labelOf?.(id) ?? ""}${options.colourOf?.(id) ?? ""}`;
    }
  }
  return out;
}

const BlockView = memo(
  function BlockView({ block, marker, options }: { block: BlockSegments; marker: string | null; options: RenderOptions; signature: string }) {
    const Tag = TAG[block.kind];
    // The page or speaker marker is generated content (CSS, from data-marker): never selected, so never part of a quote.
    return (
      <Tag data-block={block.index} data-marker={marker ?? undefined}>
        {block.segments.map((s) => renderSegment(s, options))}
      </Tag>
    );
  },
  (previous, next) => previous.signature === next.signature,
);

function renderSegment(segment: Segment, options: Pick<ArticleTextProps, "colourOf" | "labelOf" | "activeId" | "activeSuggestionId">): ReactNode {
  let node: ReactNode = <span data-start={segment.start}>{segment.text}</span>;
  // Innermost first, so the outermost claim ends up as the outer element.
  for (let i = segment.ids.length - 1; i >= 0; i--) {
    const id = segment.ids[i]!;
    if (id.startsWith(SUGGESTION_PREFIX)) {
      // A check-worthy suggestion (desk only): a dotted underline, not a claim highlight.
      node = (
        <span className={options.activeSuggestionId === id ? "suggestion active" : "suggestion"} data-suggestion-id={id} title={options.labelOf?.(id)}>
          {node}
        </span>
      );
      continue;
    }
    const colour = options.colourOf?.(id);
    const style = colour ? ({ "--verdict": colour } as CSSProperties) : undefined;
    const classes = ["claim", colour ? "verdict" : "", options.activeId === id ? "active" : ""].filter(Boolean).join(" ");
    node = (
      <mark className={classes} data-claim-id={id} style={style} title={options.labelOf?.(id)}>
        {node}
      </mark>
    );
  }
  return <span key={segment.start}>{node}</span>;
}
