"use client";
import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Undo for decisions (approve, request changes, exclude) as a short delay before anything is sent.
 *
 * Why a delay and not a server-side reversal: an approval can put a verdict in front of readers at once (a
 * correction goes live, a claim appears on a published page, a cache purge goes out to the CDN). Reversing that
 * afterwards would mean readers briefly saw something that then silently vanished, which breaks the promise that
 * every public change is a dated, visible correction. Holding the decision in the browser for a few seconds means
 * nothing is recorded, audited or public until the window ends, so "Undo" truly means "it never happened".
 *
 * The decision is sent when the window ends, when another decision starts (the earlier one is sent first, so two
 * decisions never wait at once), when the component goes away (a client-side navigation), or on `pagehide`
 * (tab closed, full navigation). While one waits, leaving the page asks for confirmation (`beforeunload`), because a
 * request started during unload may not reach the server.
 */
export const UNDO_SECONDS = 6;

export type Outcome = { ok: true; text: string } | { ok: false; text: string };

export type Undoable = {
  /** What is about to happen, said while the window is open ("Approving claim 3"). */
  text: string;
  /** Sends the decision; its answer is what the message says afterwards. */
  commit: () => Promise<Outcome>;
  /** Puts the screen back as it was before the decision. */
  undo: () => void;
};

export type UndoState =
  | { key: number; phase: "waiting"; text: string; secondsLeft: number }
  | { key: number; phase: "sending"; text: string }
  | { key: number; phase: "done" | "failed" | "undone"; text: string };

export function useUndoWindow(seconds = UNDO_SECONDS) {
  const [state, setState] = useState<UndoState | null>(null);
  const waiting = useRef<{ key: number; decision: Undoable; timer: ReturnType<typeof setInterval>; left: number } | null>(null);

  const send = useCallback(async () => {
    const current = waiting.current;
    if (!current) return;
    waiting.current = null;
    clearInterval(current.timer);
    const { key, decision } = current;
    setState({ key, phase: "sending", text: decision.text });
    const outcome = await decision.commit().catch((): Outcome => ({ ok: false, text: "Factdesk could not be reached. Nothing was recorded; try again." }));
    // A newer decision's window keeps the message line; this answer then only shows if it failed.
    setState((s) => (s && s.key !== key && s.phase === "waiting" && outcome.ok ? s : { key, phase: outcome.ok ? "done" : "failed", text: outcome.text }));
  }, []);

  const start = useCallback(
    (decision: Undoable) => {
      void send();
      const key = Date.now() + Math.random();
      const timer = setInterval(() => {
        const current = waiting.current;
        if (!current || current.key !== key) return;
        current.left -= 1;
        if (current.left <= 0) void send();
        else setState({ key, phase: "waiting", text: decision.text, secondsLeft: current.left });
      }, 1000);
      waiting.current = { key, decision, timer, left: seconds };
      setState({ key, phase: "waiting", text: decision.text, secondsLeft: seconds });
    },
    [send, seconds],
  );

  const undo = useCallback(() => {
    const current = waiting.current;
    if (!current) return;
    waiting.current = null;
    clearInterval(current.timer);
    current.decision.undo();
    setState({ key: current.key, phase: "undone", text: "Undone. Nothing was recorded." });
  }, []);

  const dismiss = useCallback(() => setState((s) => (s && s.phase !== "waiting" && s.phase !== "sending" ? null : s)), []);

  useEffect(() => {
    const flush = () => void send();
    const warn = (event: BeforeUnloadEvent) => {
      if (waiting.current) event.preventDefault();
    };
    window.addEventListener("pagehide", flush);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("beforeunload", warn);
      // Leaving the page inside the app: the decision still counts.
      flush();
    };
  }, [send]);

  return { state, start, undo, sendNow: send, dismiss };
}
