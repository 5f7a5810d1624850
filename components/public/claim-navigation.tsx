"use client";

import type { MouseEvent, ReactNode } from "react";
import styles from "./public.module.css";

const FLASH_MS = 2000;

const prefersReducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * Links the article text and the claim cards without touching how either is
 * rendered: a click on a highlighted claim jumps to its card (the keyboard
 * path is the card list itself), and "Show in article" scrolls the text to
 * the claim and flashes its highlight.
 */
export function ClaimNavigation({ children, className }: { children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as Element;
    const button = target.closest<HTMLElement>("[data-show-claim]");
    if (button?.dataset.showClaim) {
      showInArticle(event.currentTarget, button.dataset.showClaim);
      return;
    }
    const mark = target.closest<HTMLElement>("mark[data-claim-id]");
    // A reader selecting text to copy it should not be thrown to another part of the page.
    if (!mark?.dataset.claimId || window.getSelection()?.toString()) return;
    const card = document.getElementById(`claim-${mark.dataset.claimId}`);
    if (!card) return;
    window.location.hash = `claim-${mark.dataset.claimId}`;
    card.focus({ preventScroll: true });
  };
  return (
    // Delegated mouse shortcut only; every claim is reachable by keyboard through its card.
    <div className={className} onClick={onClick}>
      {children}
    </div>
  );
}

function showInArticle(root: HTMLElement, claimId: string) {
  const marks = [...root.querySelectorAll<HTMLElement>("mark[data-claim-id]")].filter((m) => m.dataset.claimId === claimId);
  const first = marks[0];
  if (!first) return;
  const behavior: ScrollBehavior = prefersReducedMotion() ? "auto" : "smooth";
  const pane = first.closest<HTMLElement>("[data-text-pane]");
  if (pane && pane.scrollHeight > pane.clientHeight && getComputedStyle(pane).overflowY !== "visible") {
    // The text sits in its own scrolling pane on wide screens: scroll the pane, not the page.
    const offset = first.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    pane.scrollBy({ top: offset - pane.clientHeight / 3, behavior });
  } else {
    first.scrollIntoView({ block: "center", behavior });
  }
  for (const m of marks) m.classList.add(styles.flash!);
  window.setTimeout(() => marks.forEach((m) => m.classList.remove(styles.flash!)), FLASH_MS);
}

/** The button a claim card shows next to its quote; ClaimNavigation handles the click. */
export function ShowInArticleButton({ claimId }: { claimId: string }) {
  return (
    <button type="button" className={styles.linkButton} data-show-claim={claimId}>
      Show in article
    </button>
  );
}
