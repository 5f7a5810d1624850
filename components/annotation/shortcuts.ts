/**
 * The workspace's keyboard shortcuts: one list, used by the key handlers and
 * by the help overlay (`?`), so the two can never disagree. Single keys
 * without modifiers, as in reading apps; they are ignored while typing in a
 * field or when a dialog is open.
 */
export const SHORTCUTS = [
  { keys: ["]"], command: "selectNextSentence", label: "Select the next sentence in the article" },
  { keys: ["["], command: "selectPreviousSentence", label: "Select the previous sentence" },
  { keys: ["}"], command: "extendSentence", label: "Extend the selection by a sentence" },
  { keys: ["."], command: "growWord", label: "Extend the selection by a word" },
  { keys: [","], command: "shrinkWord", label: "Shorten the selection by a word" },
  { keys: ["c"], command: "createClaim", label: "Add a claim from the selection" },
  { keys: ["j"], command: "nextClaim", label: "Next claim" },
  { keys: ["k"], command: "previousClaim", label: "Previous claim" },
  { keys: ["v"], command: "openVerdict", label: "Open the verdict editor of the current claim" },
  { keys: ["m"], command: "showMatches", label: "Show matching claims from other articles" },
  { keys: ["s"], command: "nextSuggestion", label: "Next check-worthy suggestion" },
  { keys: ["S"], command: "previousSuggestion", label: "Previous suggestion" },
  { keys: ["a"], command: "acceptSuggestion", label: "Accept the suggestion as a claim" },
  { keys: ["x"], command: "dismissSuggestion", label: "Dismiss the suggestion" },
  { keys: ["?"], command: "help", label: "Show these shortcuts" },
] as const;

export type ShortcutCommand = (typeof SHORTCUTS)[number]["command"];

/** True when a key press belongs to what the user is typing or to an open dialog, not to the workspace. */
export function ignoresShortcuts(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) return true;
  const target = event.target as HTMLElement | null;
  if (target?.closest?.("input, textarea, select, [contenteditable=''], [contenteditable='true'], dialog[open]")) return true;
  return Boolean(document.querySelector("dialog[open]"));
}

/** The command bound to a key press, if any. */
export function commandFor(event: KeyboardEvent): ShortcutCommand | null {
  if (ignoresShortcuts(event)) return null;
  return SHORTCUTS.find((s) => (s.keys as readonly string[]).includes(event.key))?.command ?? null;
}
