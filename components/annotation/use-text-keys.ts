"use client";
import { useCallback, useEffect, useRef, type RefObject } from "react";
import type { HighlightRange } from "@/lib/anchoring/highlight";
import { extendByUnit, moveEndByWord, nextUnit, previousUnit, type Span } from "@/lib/anchoring/keyboard-selection";
import { nextOf, previousOf, type TextNavigation } from "@/lib/anchoring/text-navigation";
import { selectOffsets } from "./dom-range";
import { offsetAtBoundary, selectionToOffsets } from "./selection";
import { commandFor } from "./shortcuts";

/** What the workspace may ask of the text: put focus back in it, on a sentence (select) or just after it (caret). */
export type TextHandle = { focusAt: (span: Span, how: "select" | "caret") => void };

type Options = {
  rootRef: RefObject<HTMLDivElement | null>;
  enabled: boolean;
  text: string;
  textLength: number;
  nav: TextNavigation;
  /** Claim highlights: Enter in the text opens the innermost one under the cursor. */
  ranges: HighlightRange[];
  onCreate: () => void;
  onFind: () => void;
  onOpenClaim?: (id: string) => void;
  /** Says why a key did nothing (no heading after this one, …) in the toolbar's live region, for the selection `at`. */
  say: (message: string, at: Span | null) => void;
};

/**
 * The selection keys of the article text (components/annotation/shortcuts.ts).
 * The cursor is remembered apart from the DOM selection: focus leaving for the
 * claim dialog, the sidebar or the page drops the selection, yet `]` carries
 * on from the sentence the reviewer was at instead of starting over at sentence 1.
 */
export function useTextKeys(options: Options) {
  const cursor = useRef<Span | null>(null);
  const o = useRef(options);
  o.current = options;

  const place = useCallback((span: Span, how: "select" | "caret") => {
    const root = o.current.rootRef.current;
    if (!root) return;
    cursor.current = how === "caret" ? { start: span.end, end: span.end } : { start: span.start, end: span.end };
    if (document.activeElement !== root) root.focus({ preventScroll: true });
    selectOffsets(root, cursor.current.start, cursor.current.end);
  }, []);

  /** Back where the reviewer left the text (the skip link, `t`, Escape from find). */
  const returnToText = useCallback(() => {
    const root = o.current.rootRef.current;
    const at = cursor.current;
    if (at) return place(at, at.start === at.end ? "caret" : "select");
    root?.focus({ preventScroll: true });
    root?.scrollIntoView({ block: "start" });
  }, [place]);

  const setCursor = useCallback((span: Span) => {
    cursor.current = span;
  }, []);

  useEffect(() => {
    if (!options.enabled) return;
    const { rootRef } = o.current;
    // A selection made in the text (mouse, caret browsing) becomes the cursor; one that leaves the text does not clear it.
    const onSelectionChange = () => {
      const root = rootRef.current;
      const live = root ? selectionToOffsets(root, o.current.textLength) : null;
      if (live) cursor.current = live;
    };
    // A click in the text puts the cursor there (a collapsed selection does not count as a selection above).
    const onPointerUp = (e: PointerEvent) => {
      const root = rootRef.current;
      const sel = document.getSelection();
      if (!root || !sel?.isCollapsed || !sel.anchorNode || !root.contains(e.target as Node) || !root.contains(sel.anchorNode)) return;
      const at = offsetAtBoundary(root, sel.anchorNode, sel.anchorOffset, "start", o.current.textLength);
      cursor.current = { start: at, end: at };
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const command = commandFor(e);
      const root = rootRef.current;
      if (!command || !root) return;
      const { nav, text, say } = o.current;
      // The cursor follows every selection made in the text, and also the jumps made from elsewhere (a suggestion).
      const current = cursor.current ?? selectionToOffsets(root, o.current.textLength);
      const go = (span: Span | null, otherwise?: string) => {
        if (!span) return otherwise ? say(otherwise, current) : undefined;
        e.preventDefault();
        place(span, "select");
      };
      switch (command) {
        case "selectNextSentence":
          return go(nextUnit(nav.units, current), "That was the last sentence.");
        case "selectPreviousSentence":
          return go(previousUnit(nav.units, current), "That was the first sentence.");
        case "nextParagraph":
          return go(nextOf(nav.blockStarts, current), "That was the last paragraph.");
        case "previousParagraph":
          return go(previousOf(nav.blockStarts, current), "That was the first paragraph.");
        case "nextHeading":
          return go(nextOf(nav.headings, current), "No heading after this point.");
        case "previousHeading":
          return go(previousOf(nav.headings, current), "No heading before this point.");
        case "extendSentence":
          return go(extendByUnit(nav.units, current));
        case "growWord":
          return current ? go(moveEndByWord(text, current, "grow")) : undefined;
        case "shrinkWord":
          return current ? go(moveEndByWord(text, current, "shrink")) : undefined;
        case "find":
          e.preventDefault();
          return o.current.onFind();
        case "createClaim":
          e.preventDefault();
          return o.current.onCreate();
        case "backToText":
          e.preventDefault();
          return returnToText();
        case "openClaim": {
          // Only from the text itself: Enter on a button or link keeps its own meaning.
          const id = e.target === root && current ? claimAt(o.current.ranges, current) : null;
          if (!id || !o.current.onOpenClaim) return;
          e.preventDefault();
          return o.current.onOpenClaim(id);
        }
      }
    };
    document.addEventListener("selectionchange", onSelectionChange);
    document.addEventListener("pointerup", onPointerUp);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("selectionchange", onSelectionChange);
      document.removeEventListener("pointerup", onPointerUp);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [options.enabled, place, returnToText]);

  return { place, returnToText, setCursor, current: () => cursor.current };
}

/** The innermost claim whose highlight holds the cursor (a caret just after a claim counts as on it). */
function claimAt(ranges: HighlightRange[], at: Span): string | null {
  let best: HighlightRange | null = null;
  for (const r of ranges) {
    if (r.start <= at.start && at.end <= r.end && (!best || r.end - r.start < best.end - best.start)) best = r;
  }
  return best?.id ?? null;
}
