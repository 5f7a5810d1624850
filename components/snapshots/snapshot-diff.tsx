import type { DiffRow, Side } from "@/lib/snapshot-diff";
import styles from "./snapshots.module.css";

const LABEL: Record<DiffRow["kind"], string> = { same: "Unchanged", changed: "Changed", removed: "Removed", added: "Added" };

function Cell({ side, mark }: { side: Side | null; mark: "del" | "ins" }) {
  if (!side) return <td className={styles.empty} />;
  const Mark = mark;
  return (
    <td className={side.kind === "heading" ? styles.headingCell : undefined}>
      {side.runs.map((r, i) => (r.changed ? <Mark key={i}>{r.text}</Mark> : <span key={i}>{r.text}</span>))}
    </td>
  );
}

/**
 * The two snapshots side by side, block by block. Unchanged runs of blocks
 * are folded to keep the changes in view; removed text is struck through
 * (<del>), added text underlined (<ins>), so the difference does not rely on colour.
 */
export function SnapshotDiff({ rows, oldNumber, newNumber }: { rows: DiffRow[]; oldNumber: number; newNumber: number }) {
  const changes = rows.filter((r) => r.kind !== "same").length;
  return (
    <div className={styles.diffWrap}>
      <p className="small muted" data-testid="diff-summary">
        {changes === 0 ? "The text of the two snapshots is the same." : `${changes} block${changes === 1 ? "" : "s"} changed, added or removed.`}
      </p>
      <table className={styles.diff}>
        <caption className="visually-hidden">Snapshot {oldNumber} compared with snapshot {newNumber}</caption>
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">Snapshot {oldNumber} (before)</th>
            <th scope="col">Snapshot {newNumber} (now)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) =>
            row.kind === "same" && rows[i - 1]?.kind === "same" && rows[i + 1]?.kind === "same" ? null : (
              <tr key={i} className={styles[row.kind]} data-change={row.kind}>
                <th scope="row" className={styles.changeLabel}>
                  {LABEL[row.kind]}
                </th>
                <Cell side={row.old} mark="del" />
                <Cell side={row.new} mark="ins" />
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
