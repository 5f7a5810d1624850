/**
 * The workspace's keyboard shortcuts: one list, used by the key handlers and
 * by the help overlay (`?`), so the two can never disagree. Single keys
 * without modifiers, as in reading apps and Vim (`]` `}` for sentence and
 * paragraph); they are ignored while typing in a field or when a dialog is
 * open. No Alt or Ctrl chords: those belong to the browser, and screen readers
 * pass single keys through only in focus mode, where these are free.
 */
export const SHORTCUTS = [
  { keys: ["]"], command: "selectNextSentence", group: "text", label: "Select the next sentence in the article" },
  { keys: ["["], command: "selectPreviousSentence", group: "text", label: "Select the previous sentence" },
  { keys: ["}"], command: "nextParagraph", group: "text", label: "Jump to the next paragraph (its first sentence)" },
  { keys: ["{"], command: "previousParagraph", group: "text", label: "Jump to the start of this or the previous paragraph" },
  { keys: ["h"], command: "nextHeading", group: "text", label: "Jump to the next heading" },
  { keys: ["H"], command: "previousHeading", group: "text", label: "Jump to the previous heading", display: "Shift + H" },
  { keys: ["/"], command: "find", group: "text", label: "Find: type a few words, Enter selects the next sentence holding them (Escape goes back)" },
  { keys: ["+"], command: "extendSentence", group: "text", label: "Extend the selection by a sentence" },
  { keys: ["."], command: "growWord", group: "text", label: "Extend the selection by a word" },
  { keys: [","], command: "shrinkWord", group: "text", label: "Shorten the selection by a word" },
  { keys: ["c"], command: "createClaim", group: "claims", label: "Add a claim from the selection" },
  { keys: ["Enter"], command: "openClaim", group: "claims", label: "In the text: open the claim highlighted at the selection" },
  { keys: ["j"], command: "nextClaim", group: "claims", label: "Next claim" },
  { keys: ["k"], command: "previousClaim", group: "claims", label: "Previous claim" },
  { keys: ["t"], command: "backToText", group: "claims", label: "Back to the article text, where you left it" },
  { keys: ["v"], command: "openVerdict", group: "claims", label: "Open the verdict editor of the current claim" },
  { keys: ["m"], command: "showMatches", group: "claims", label: "Show matching claims from other articles" },
  { keys: ["s"], command: "nextSuggestion", group: "suggestions", label: "Next check-worthy suggestion, strongest first" },
  { keys: ["S"], command: "previousSuggestion", group: "suggestions", label: "Previous suggestion", display: "Shift + S" },
  { keys: ["a"], command: "acceptSuggestion", group: "suggestions", label: "Accept the suggestion as a claim" },
  { keys: ["x"], command: "dismissSuggestion", group: "suggestions", label: "Dismiss the suggestion" },
  { keys: ["?"], command: "help", group: "general", label: "Show these shortcuts" },
] as const satisfies readonly { keys: readonly string[]; command: string; group: "text" | "claims" | "suggestions" | "general"; label: string; display?: string }[];

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
