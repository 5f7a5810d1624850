"use client";
import { useEffect, useRef } from "react";
import { commandFor, type ShortcutCommand } from "@/components/annotation/shortcuts";

/**
 * Binds the workspace's shortcuts (components/annotation/shortcuts.ts) that
 * act on claims and suggestions; the selection commands live in the
 * highlighter. Handlers are read through a ref so the listener is added once.
 */
export function useWorkspaceShortcuts(handlers: Partial<Record<ShortcutCommand, () => void>>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandFor(event);
      const handler = command ? ref.current[command] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

/** Runs `fn` after React has committed and the browser laid out the result (focus targets that appear on activation). */
export function afterRender(fn: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(fn));
}

/**
 * Focuses an element that a state change is about to render. The claim list renders a moment after the text
 * (it is deferred), so the entry may take a few frames to appear; gives up after about half a second.
 */
export function focusWhenRendered(find: () => HTMLElement | null, frames = 30): void {
  requestAnimationFrame(() => {
    const el = find();
    if (el) el.focus({ preventScroll: true });
    else if (frames > 0) focusWhenRendered(find, frames - 1);
  });
}
