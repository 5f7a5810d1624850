"use client";
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type Ref } from "react";
import { ArticleText } from "@/components/article/article-text";
import { describeAnchor, snapSelection, type TextAnchor } from "@/lib/anchoring/anchor";
import { describeReasons } from "@/lib/check-worthy";
import type { HighlightRange } from "@/lib/anchoring/highlight";
import { selectableUnits, type Span } from "@/lib/anchoring/keyboard-selection";
import { countMatches, findUnit, textNavigation } from "@/lib/anchoring/text-navigation";
import { canonicalText, codePointLength, type Block } from "@/lib/anchoring/text";
import { selectionToOffsets } from "./selection";
import { FindSentence } from "./find-sentence";
import { SkipToText } from "./skip-to-text";
import { SuggestionCard } from "./suggestion-card";
import { useTextKeys, type TextHandle } from "./use-text-keys";
import type { WorkspaceSuggestion } from "./use-suggestions";
import styles from "./annotation.module.css";

export type ArticleHighlighterProps = {
  blocks: Block[];
  ranges: HighlightRange[];
  activeId: string | null;
  labelOf?: (id: string) => string | undefined;
  /** Called with the innermost claim under a click on a highlight. */
  onActivate: (id: string) => void;
  /** Called with the tidied anchor when the reviewer asks to add a claim from the selection. */
  onAddClaim: (anchor: TextAnchor) => void;
  /** False for read-only users: no add-claim controls. */
  canAnnotate: boolean;
  /** Check-worthy suggestions to underline, and the one the reviewer is looking at. */
  suggestions?: WorkspaceSuggestion[];
  activeSuggestionId?: string | null;
  onSuggestionSelect?: (id: string | null) => void;
  onAcceptSuggestion?: (suggestion: WorkspaceSuggestion) => void;
  onDismissSuggestion?: (suggestion: WorkspaceSuggestion) => void;
  /** Opens the keyboard shortcut overlay. */
  onHelp?: () => void;
  /** Enter in the text on a highlighted claim. */
  onOpenClaim?: (id: string) => void;
  /** Lets the workspace put focus back in the text after the claim dialog. */
  textRef?: Ref<TextHandle>;
};

/** A selection in the text: its tidied anchor, the offsets as selected, and where to float the button. */
type Pending = { anchor: TextAnchor; raw: Span; top: number; left: number };

/**
 * The article with claim highlights, and the two ways to turn a selection
 * into a claim: a floating "Add claim" button by the selection (pointer) and
 * the toolbar's "Add claim from selection" (keyboard). Offsets come from the
 * `data-start` runs ArticleText renders (components/annotation/selection.ts)
 * and are tidied with snapSelection, so the anchor is exactly what the server
 * will rebuild from the stored snapshot.
 */
export function ArticleHighlighter(props: ArticleHighlighterProps) {
  const { blocks, ranges, activeId, labelOf, onActivate, onAddClaim, canAnnotate, suggestions = [], activeSuggestionId = null } = props;
  const { onSuggestionSelect, onAcceptSuggestion, onDismissSuggestion, onHelp, onOpenClaim, textRef } = props;
  const text = useMemo(() => canonicalText(blocks), [blocks]);
  const nav = useMemo(() => textNavigation(blocks, text, selectableUnits(blocks)), [blocks, text]);
  const allRanges = useMemo(() => [...ranges, ...suggestions.map((s) => ({ id: s.id, start: s.start, end: s.end }))], [ranges, suggestions]);
  const activeSuggestion = suggestions.find((s) => s.id === activeSuggestionId) ?? null;
  const [cardAt, setCardAt] = useState<{ top: number; left: number } | null>(null);
  const textLength = useMemo(() => codePointLength(text), [text]);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [pending, setPending] = useState<Pending | null>(null);
  // A message about a key that did nothing belongs to the selection it was said at: a selection event that
  // arrives late for that same selection (or for the jump before it) must not wipe it, a new selection does.
  const [hint, setHint] = useState<{ text: string; at: Span | null } | null>(null);
  const [find, setFind] = useState<{ open: boolean; query: string }>({ open: false, query: "" });

  /** The live selection as a tidied anchor, with where to float the button. */
  const readSelection = useCallback((): Pending | null => {
    const root = rootRef.current;
    const wrapper = wrapperRef.current;
    if (!root || !wrapper) return null;
    const raw = selectionToOffsets(root, textLength);
    if (!raw) return null;
    const snapped = snapSelection(text, raw.start, raw.end);
    if (!snapped) return null;
    const anchor = describeAnchor(text, snapped.start, snapped.end);
    const range = document.getSelection()!.getRangeAt(0);
    // Zero-width rects mark line or block starts a selection merely touches (e.g. after a triple-click).
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const box = wrapper.getBoundingClientRect();
    const left = Math.max(0, Math.min(last.right - box.left - 8, box.width - 130));
    return { anchor, raw, top: last.bottom - box.top + 8, left };
  }, [text, textLength]);

  useEffect(() => {
    if (!canAnnotate) return;
    const onSelectionChange = () => {
      if (dragging.current) return; // settle on pointerup, not on every pixel of a drag
      const next = readSelection();
      if (next) {
        setPending(next);
        setHint((h) => (h?.at && h.at.start === next.raw.start && h.at.end === next.raw.end ? h : null));
        return;
      }
      const selection = document.getSelection();
      const root = rootRef.current;
      // A click in the article (collapsed selection there) or a new selection elsewhere drops
      // the pending one; moving focus to the toolbar or a form keeps it for the keyboard path.
      if (!selection || !root) return;
      if (!selection.isCollapsed || (selection.anchorNode && root.contains(selection.anchorNode))) setPending(null);
    };
    const onPointerUp = () => {
      if (!dragging.current) return;
      dragging.current = false;
      onSelectionChange();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === "Escape") setPending(null);
    };
    document.addEventListener("selectionchange", onSelectionChange);
    document.addEventListener("pointerup", onPointerUp);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("selectionchange", onSelectionChange);
      document.removeEventListener("pointerup", onPointerUp);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [canAnnotate, readSelection]);

  // New highlights re-render the text runs under the selection: re-measure (or drop) the floating button.
  useEffect(() => {
    setPending((p) => (p ? readSelection() : p));
  }, [ranges, readSelection]);

  const add = (from: "floating" | "toolbar") => {
    const anchor = (from === "toolbar" ? readSelection()?.anchor : undefined) ?? pending?.anchor;
    if (!anchor) {
      setHint({ text: "Select the words of the claim in the article first, then choose “Add claim from selection”.", at: null });
      return;
    }
    setPending(null);
    setHint(null);
    onAddClaim(anchor);
  };

  const keys = useTextKeys({
    rootRef,
    enabled: canAnnotate,
    text,
    textLength,
    nav,
    ranges,
    onCreate: () => add("toolbar"),
    onFind: () => setFind((f) => ({ ...f, open: true })),
    onOpenClaim,
    say: (text, at) => setHint({ text, at }),
  });
  useImperativeHandle(textRef, () => ({ focusAt: keys.place }), [keys.place]);
  // `s` moves to a suggestion: `]` then selects its sentence and carries on from there.
  const { setCursor } = keys;
  const suggestionStart = activeSuggestion?.start;
  useEffect(() => {
    if (suggestionStart !== undefined) setCursor({ start: suggestionStart, end: suggestionStart });
  }, [suggestionStart, setCursor]);

  const findSentence = (query: string) => {
    const span = findUnit(nav, query, keys.current());
    setFind({ open: !span, query });
    if (span) keys.place(span, "select");
    return Boolean(span);
  };

  // Float the suggestion card under the active suggestion (re-measured when highlights re-render).
  useLayoutEffect(() => {
    const wrapper = wrapperRef.current;
    const el = activeSuggestionId ? wrapper?.querySelector(`[data-suggestion-id="${CSS.escape(activeSuggestionId)}"]`) : null;
    if (!wrapper || !el) return setCardAt(null);
    const rects = Array.from(el.getClientRects());
    const last = rects[rects.length - 1] ?? el.getBoundingClientRect();
    const box = wrapper.getBoundingClientRect();
    setCardAt({ top: last.bottom - box.top + 8, left: Math.max(0, Math.min(last.left - box.left, box.width - 340)) });
  }, [activeSuggestionId, allRanges]);

  const onClick = (event: ReactMouseEvent<HTMLDivElement>) => {
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed && rootRef.current?.contains(selection.anchorNode)) return; // that was a drag-select
    const mark = (event.target as Element).closest?.("mark.claim[data-claim-id]");
    const id = mark?.getAttribute("data-claim-id");
    if (id) return onActivate(id);
    const suggestion = (event.target as Element).closest?.("[data-suggestion-id]")?.getAttribute("data-suggestion-id");
    onSuggestionSelect?.(suggestion ?? null);
  };

  // The text re-renders only when what it shows changes, not on every selection or dialog state change.
  const articleText = useMemo(
    () => <ArticleText blocks={blocks} ranges={allRanges} activeId={activeId} activeSuggestionId={activeSuggestionId} labelOf={labelOf} />,
    [blocks, allRanges, activeId, activeSuggestionId, labelOf],
  );

  const suggestionHint = activeSuggestion
    ? `Suggestion ${suggestions.indexOf(activeSuggestion) + 1} of ${suggestions.length}, score ${Math.round(activeSuggestion.score * 100)}%: ${describeReasons(activeSuggestion.reasons)}. Press A to accept, X to dismiss.`
    : null;

  return (
    <div className={styles.highlighter}>
      <SkipToText onActivate={keys.returnToText} />
      {canAnnotate && (
        <div className={styles.toolbar} role="toolbar" aria-label="Annotation" aria-controls="article-text">
          <button
            type="button"
            className="button secondary small"
            // Keep the document selection: pressing a button must not collapse it first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => add("toolbar")}
          >
            Add claim from selection
          </button>
          {find.open && (
            <FindSentence
              initial={find.query}
              count={(q) => countMatches(nav, q)}
              onFind={findSentence}
              onClose={(back) => {
                setFind((f) => ({ ...f, open: false }));
                if (back) keys.returnToText();
              }}
            />
          )}
          <span className={styles.toolbarHint} aria-live="polite" data-testid="annotation-hint">
            {hint?.text ?? suggestionHint ?? (pending ? `Selected: “${excerpt(pending.anchor.exact, 60)}”` : "Select a sentence in the text to mark it as a claim.")}
          </span>
          {onHelp && (
            <button type="button" className="button ghost small" onClick={onHelp} aria-keyshortcuts="?">
              Shortcuts <kbd className={styles.kbd} aria-hidden="true">?</kbd>
            </button>
          )}
        </div>
      )}
      <div
        ref={wrapperRef}
        className={styles.textWrapper}
        onPointerDown={(e) => {
          if (e.button === 0) dragging.current = true;
        }}
      >
        {/* Focusable so keyboard users can reach the text (and select it with caret browsing). */}
        <div ref={rootRef} id="article-text" className={styles.text} onClick={onClick} aria-label="Article text" role="region" tabIndex={0}>
          {articleText}
        </div>
        {activeSuggestion && cardAt && !pending && (
          <SuggestionCard
            suggestion={activeSuggestion}
            position={cardAt}
            canAnnotate={canAnnotate}
            onAccept={() => onAcceptSuggestion?.(activeSuggestion)}
            onDismiss={() => onDismissSuggestion?.(activeSuggestion)}
            onClose={() => onSuggestionSelect?.(null)}
          />
        )}
        {canAnnotate && pending && (
          <button
            type="button"
            className={`button small ${styles.floating}`}
            style={{ top: pending.top, left: pending.left }}
            onMouseDown={(e) => e.preventDefault()}
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => add("floating")}
            data-testid="floating-add-claim"
          >
            Add claim
          </button>
        )}
      </div>
    </div>
  );
}

/** Shortens a quote for display at a word boundary. */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text); // code points, so an emoji is never cut in half
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/u, "")}…`;
}
