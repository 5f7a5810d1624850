"use client";
import type { DraftBlock } from "@/lib/import-draft";
import styles from "./import.module.css";

const KIND_LABEL: Record<DraftBlock["kind"], string> = { heading: "Heading", paragraph: "Paragraph", list_item: "List item", quote: "Quote" };

/**
 * The extracted blocks with a "Keep" checkbox each. Blocks the heuristics
 * think are not article text start unchecked, with the reason beside them;
 * the reviewer can keep them anyway or leave out anything else.
 */
export function DraftBlocks({ blocks, onChange }: { blocks: DraftBlock[]; onChange: (blocks: DraftBlock[]) => void }) {
  const kept = blocks.filter((b) => !b.drop).length;
  const set = (index: number, drop: boolean) => onChange(blocks.map((b, i) => (i === index ? { ...b, drop } : b)));
  return (
    <fieldset className={styles.blocks}>
      <legend className={styles.legend}>
        Text blocks <span className="muted small" data-testid="block-count">{kept} of {blocks.length} kept</span>
      </legend>
      <p className="small muted">
        Uncheck anything that is not part of the article. Blocks marked with a reason were left out automatically; check them to keep
        them.
      </p>
      <ol className={styles.blockList}>
        {blocks.map((b, i) => (
          <li key={i} className={`${styles.block} ${b.drop ? styles.dropped : ""}`} data-kind={b.kind} data-testid="draft-block">
            <input type="checkbox" id={`block-${i}`} checked={!b.drop} onChange={(e) => set(i, !e.target.checked)} />
            <label htmlFor={`block-${i}`} className={styles.blockLabel}>
              <span className="visually-hidden">Keep {KIND_LABEL[b.kind].toLowerCase()}: </span>
              <span className={styles.blockKind} aria-hidden="true">
                {KIND_LABEL[b.kind]}
              </span>
              <span className={b.kind === "heading" ? styles.blockHeading : styles.blockText}>{b.text}</span>
              {b.reason && <span className={styles.reason}>{b.reason}</span>}
            </label>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
