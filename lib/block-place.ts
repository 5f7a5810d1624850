/**
 * Where a claim is in a source that is not a web page: the PDF page, or the speaker and the moment in a
 * recording. Read from the snapshot's blocks (each keeps its place from the import), never stored twice, so
 * a claim, a citation quote and the public page always say the same.
 */
import { blockSpans, type Block, type BlockPlace } from "./anchoring/text";

/** 754,000 ms → "12:34"; an hour or more → "1:02:03". */
export function formatTimecode(ms: number): string {
  const total = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/**
 * A lookup of the place of the block holding a code-point offset of the snapshot's canonical text (null when
 * that block has none), built once per snapshot: a binary search, so a list of 500 claims stays cheap; a web
 * article, with no places at all, costs nothing.
 */
export function placeFinder(blocks: Block[]): (offset: number) => BlockPlace | null {
  if (!blocks.some((b) => b.place)) return () => null;
  const spans = blockSpans(blocks);
  return (offset) => {
    // The last block starting at or before the offset (a separator belongs to the block before it).
    let [lo, hi] = [0, spans.length - 1];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (spans[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return spans[lo]?.place ?? null;
  };
}

/** The place of the block holding code-point `offset`, or null when the block has none. */
export function placeAt(blocks: Block[], offset: number): BlockPlace | null {
  return placeFinder(blocks)(offset);
}

/**
 * "p. 12", "Jane Doe, at 12:34", "at 12:34", "Jane Doe", or null: how a person cites the place. Without the
 * speaker where the claimant is already named beside it.
 */
export function describePlace(place: BlockPlace | null | undefined, { speaker = true } = {}): string | null {
  if (!place) return null;
  if (place.page !== undefined) return `p. ${place.page}`;
  const at = place.startMs !== undefined ? `at ${formatTimecode(place.startMs)}` : null;
  const who = speaker ? place.speaker : undefined;
  if (who && at) return `${who}, ${at}`;
  return who ?? at;
}

/** A link to the moment in the recording (W3C media fragment, which players and most hosts honour), or null. */
export function momentUrl(mediaUrl: string | null | undefined, place: BlockPlace | null | undefined): string | null {
  if (!mediaUrl || place?.startMs === undefined) return null;
  const url = new URL(mediaUrl);
  url.hash = `t=${Math.floor(place.startMs / 1000)}`;
  return url.toString();
}

/**
 * The marker shown before a block in the workspace and on the public page: the page where a new page starts,
 * the speaker (and time) where a new turn starts. Null when nothing changed since the previous block.
 */
export function markerBefore(blocks: Block[], index: number): string | null {
  const place = blocks[index]?.place;
  if (!place) return null;
  const previous = index > 0 ? blocks[index - 1]?.place : undefined;
  if (place.page !== undefined) return place.page !== previous?.page ? `Page ${place.page}` : null;
  return describePlace(place);
}
