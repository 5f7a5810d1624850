"use client";
import { useEffect, useId, useRef, useState } from "react";
import styles from "./annotation.module.css";

type Props = {
  /** The words of the last search, so `/` then Enter walks on to the next match. */
  initial: string;
  count: (query: string) => number;
  /** Selects the next sentence holding the words; false when none does. */
  onFind: (query: string) => boolean;
  /** Escape (back to the text) or focus moving elsewhere (left there). */
  onClose: (backToText: boolean) => void;
};

/**
 * Type-to-find (`/`): a few words of a sentence, Enter selects it. The
 * quickest way to a sentence deep in a long article: `/`, the words, Enter.
 */
export function FindSentence({ initial, count, onFind, onClose }: Props) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState(initial);
  const [missed, setMissed] = useState(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const matches = query.trim() ? count(query) : null;
  const status =
    matches === null
      ? "Type words from the sentence, then press Enter."
      : matches === 0
        ? "No sentence holds these words."
        : `${matches} ${matches === 1 ? "sentence holds" : "sentences hold"} these words: Enter selects the next one.`;
  return (
    <form
      role="search"
      aria-label="Find a sentence"
      className={styles.find}
      onSubmit={(e) => {
        e.preventDefault();
        setMissed(!onFind(query));
      }}
    >
      <label htmlFor={`${id}-q`} className="visually-hidden">
        Find a sentence
      </label>
      <input
        ref={ref}
        id={`${id}-q`}
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder="Find a sentence…"
        value={query}
        aria-invalid={missed || undefined}
        aria-describedby={`${id}-status`}
        onChange={(e) => {
          setQuery(e.target.value);
          setMissed(false);
        }}
        onKeyDown={(e) => {
          if (e.key !== "Escape") return;
          e.preventDefault();
          onClose(true);
        }}
        onBlur={(e) => {
          if (!e.currentTarget.form?.contains(e.relatedTarget as Node | null)) onClose(false);
        }}
      />
      <span id={`${id}-status`} className={styles.findStatus} aria-live="polite" data-testid="find-status">
        {status}
      </span>
    </form>
  );
}
