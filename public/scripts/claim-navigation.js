// @ts-check
/**
 * The one script public fact-check pages load (they are plain documents, see
 * server/page-cache/static-document.ts). It links the article text and the
 * claim cards without changing how either is rendered: a click on a
 * highlighted claim jumps to its card (the keyboard path is the card list
 * itself), and "Show in article" scrolls the text to the claim and flashes
 * its highlight. Without it every claim is still reachable through its card.
 */
(() => {
  const FLASH_MS = 2000;

  /** @param {HTMLElement} root @param {string} claimId */
  function showInArticle(root, claimId) {
    const marks = Array.from(root.querySelectorAll("mark[data-claim-id]")).filter((m) => m instanceof HTMLElement && m.dataset.claimId === claimId);
    const first = marks[0];
    if (!(first instanceof HTMLElement)) return;
    /** @type {ScrollBehavior} */
    const behavior = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
    const pane = first.closest("[data-text-pane]");
    if (pane && pane.scrollHeight > pane.clientHeight && getComputedStyle(pane).overflowY !== "visible") {
      // The text sits in its own scrolling pane on wide screens: scroll the pane, not the page.
      const offset = first.getBoundingClientRect().top - pane.getBoundingClientRect().top;
      pane.scrollBy({ top: offset - pane.clientHeight / 3, behavior });
    } else {
      first.scrollIntoView({ block: "center", behavior });
    }
    for (const m of marks) m.setAttribute("data-flash", "");
    window.setTimeout(() => marks.forEach((m) => m.removeAttribute("data-flash")), FLASH_MS);
  }

  document.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const root = target.closest("[data-claim-navigation]");
    if (!(root instanceof HTMLElement)) return;
    const button = target.closest("[data-show-claim]");
    if (button instanceof HTMLElement && button.dataset.showClaim) {
      showInArticle(root, button.dataset.showClaim);
      return;
    }
    const mark = target.closest("mark[data-claim-id]");
    // A reader selecting text to copy it should not be thrown to another part of the page.
    if (!(mark instanceof HTMLElement) || !mark.dataset.claimId || window.getSelection()?.toString()) return;
    const card = document.getElementById(`claim-${mark.dataset.claimId}`);
    if (!card) return;
    window.location.hash = `claim-${mark.dataset.claimId}`;
    card.focus({ preventScroll: true });
  });
})();
