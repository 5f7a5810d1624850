"use client";
import { useState, type KeyboardEvent } from "react";
import { describePlace } from "@/lib/block-place";
import type { DraftBlock } from "@/lib/import-draft";
import styles from "./import.module.css";

const KIND_LABEL: Record<DraftBlock["kind"], string> = { heading: "Heading", paragraph: "Paragraph", list_item: "List item", quote: "Quote" };

/** A run of blocks shown together: one block, or consecutive blocks the extraction left out (folded by default). */
type Run = { start: number; end: number; folded: boolean };

/**
 * Consecutive blocks left out for the same reason form one run ("6 blocks:
 * Comments"), so the line says what is folded. Runs come from the reasons,
 * which do not change when the reviewer keeps a block, so a run does not
 * split or move under the reviewer's hand. A lone pre-marked block is
 * shown as it is: folding one line saves nothing.
 */
export function runsOf(blocks: DraftBlock[]): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < blocks.length; ) {
    let j = i + 1;
    const reason = blocks[i]!.reason;
    if (reason !== null) while (j < blocks.length && blocks[j]!.reason === reason) j++;
    runs.push({ start: i, end: j, folded: j - i > 1 });
    i = j;
  }
  return runs;
}

/** "6 blocks: Comments" (a run shares one reason; its note in brackets is shown on each block). */
const runLabel = (blocks: DraftBlock[]) => `${blocks.length} blocks: ${blocks[0]!.reason!.replace(/\s*\(.*\)$/, "")}`;

/** ↑/↓ (and j/k), Home/End move between the checkboxes and group switches of the list. */
function moveFocus(e: KeyboardEvent<HTMLElement>) {
  const step = e.key === "ArrowDown" || e.key === "j" ? 1 : e.key === "ArrowUp" || e.key === "k" ? -1 : 0;
  const edge = e.key === "Home" ? "first" : e.key === "End" ? "last" : null;
  if ((!step && !edge) || e.altKey || e.ctrlKey || e.metaKey) return;
  // Blocks of a folded group are in the page but hidden: skip them.
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>("[data-nav]")].filter((el) => !el.closest("[hidden]"));
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const next = edge === "first" ? 0 : edge === "last" ? items.length - 1 : Math.min(items.length - 1, Math.max(0, at + step));
  e.preventDefault();
  items[next]!.focus();
}

/**
 * The extracted blocks with a "Keep" checkbox each, in the page's own
 * height (no inner scroll box: the reviewer scrolls the page). Blocks the
 * heuristics think are not article text start unchecked with the reason;
 * runs of them are folded into one line ("7 blocks: Comments") with a switch
 * to show them and one to keep them all.
 */
export function DraftBlocks({ blocks, onChange }: { blocks: DraftBlock[]; onChange: (blocks: DraftBlock[]) => void }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const kept = blocks.filter((b) => !b.drop).length;
  const set = (index: number, drop: boolean) => onChange(blocks.map((b, i) => (i === index ? { ...b, drop } : b)));
  const keepRun = (run: Run, drop: boolean) => onChange(blocks.map((b, i) => (i >= run.start && i < run.end ? { ...b, drop } : b)));
  const toggle = (start: number) => setOpen((o) => (o.has(start) ? new Set([...o].filter((s) => s !== start)) : new Set([...o, start])));

  const block = (b: DraftBlock, i: number) => (
    <li key={i} className={`${styles.block} ${b.drop ? styles.dropped : ""}`} data-kind={b.kind} data-testid="draft-block">
      <input type="checkbox" id={`block-${i}`} data-nav checked={!b.drop} onChange={(e) => set(i, !e.target.checked)} />
      <label htmlFor={`block-${i}`} className={styles.blockLabel}>
        <span className="visually-hidden">Keep {KIND_LABEL[b.kind].toLowerCase()}: </span>
        <span className={styles.blockKind} aria-hidden="true">
          {KIND_LABEL[b.kind]}
        </span>
        {b.place && <span className={styles.place}>{describePlace(b.place)}</span>}
        <span className={b.kind === "heading" ? styles.blockHeading : styles.blockText}>{b.text}</span>
        {b.reason && <span className={styles.reason}>{b.reason}</span>}
      </label>
    </li>
  );

  return (
    <fieldset className={styles.blocks}>
      <legend className={styles.legend}>
        Text blocks <span className="muted small" data-testid="block-count">{kept} of {blocks.length} kept</span>
      </legend>
      <p className="small muted">
        Uncheck anything that is not part of the article. Blocks marked with a reason were left out automatically; check them to keep
        them.
      </p>
      <p className={`small muted ${styles.keys}`} id="block-keys">
        Keys: <kbd>↑</kbd> <kbd>↓</kbd> (or <kbd>j</kbd> <kbd>k</kbd>) move between blocks, <kbd>Space</kbd> keeps or leaves out a block
        and shows or hides a group, <kbd>Home</kbd> <kbd>End</kbd> go to the first and last.
      </p>
      <ol className={styles.blockList} onKeyDown={moveFocus} aria-describedby="block-keys">
        {runsOf(blocks).map((run) => {
          if (!run.folded) return block(blocks[run.start]!, run.start);
          const members = blocks.slice(run.start, run.end);
          const shown = open.has(run.start);
          const keptHere = members.filter((b) => !b.drop).length;
          return (
            <li key={`run-${run.start}`} className={styles.run} data-testid="draft-run">
              <div className={styles.runHead}>
                <button type="button" className={styles.runToggle} data-nav aria-expanded={shown} aria-controls={`run-${run.start}`} onClick={() => toggle(run.start)}>
                  <span aria-hidden="true">{shown ? "▾" : "▸"}</span> {runLabel(members)}
                  <span className="visually-hidden">, {shown ? "hide" : "show"}</span>
                  <span className={styles.runAction} aria-hidden="true">{shown ? "hide" : "show"}</span>
                </button>
                <span className="small muted">{keptHere === 0 ? "left out" : `${keptHere} kept`}</span>
                <button type="button" className="button small secondary" onClick={() => keepRun(run, keptHere === members.length)}>
                  {keptHere === members.length ? "Leave all out" : "Keep all"}
                  <span className="visually-hidden"> ({members.length} blocks)</span>
                </button>
              </div>
              {/* Always rendered (hidden when folded) so the switch's aria-controls names an element. */}
              <ol id={`run-${run.start}`} className={styles.runBlocks} hidden={!shown}>
                {members.map((b, k) => block(b, run.start + k))}
              </ol>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
