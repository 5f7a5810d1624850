"use client";
import { useIsMutating, useQueryClient } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ArticleHighlighter } from "@/components/annotation/article-highlighter";
import { NewClaimDialog } from "@/components/annotation/new-claim-dialog";
import { ShortcutHelp } from "@/components/annotation/shortcut-help";
import type { TextHandle } from "@/components/annotation/use-text-keys";
import { PublishPanel } from "@/components/publishing/publish-panel";
import { useSuggestions, type WorkspaceSuggestion } from "@/components/annotation/use-suggestions";
import { carryClientKeys, claimKey, claimsInTextOrder, workspaceKeys } from "@/components/annotation/queries";
import type { RatingOption, WorkspaceData } from "@/components/annotation/types";
import { describeAnchor, type TextAnchor } from "@/lib/anchoring/anchor";
import { canonicalText } from "@/lib/anchoring/text";
import type { HighlightRange } from "@/lib/anchoring/highlight";
import { anchorReviewBlocker, publishBlocker } from "@/lib/workflow";
import { ClaimList, entryId, panelId } from "./_components/claim-list";
import { matchesHeadingId } from "./_components/claim-matches";
import { useLiveUpdates } from "./_components/live-updates";
import { useDismissSuggestion } from "./_components/suggestion-mutations";
import { afterRender, focusWhenRendered, useWorkspaceShortcuts } from "./_components/use-workspace-shortcuts";
import { ClaimPanel } from "./_components/claim-panel";
import { useCreateClaim, useWorkspace } from "./_components/mutations";
import { ToastProvider, useToast } from "./_components/toast";
import { WorkspaceHeader } from "./_components/workspace-header";
import styles from "./_components/workspace.module.css";

export type WorkspaceClientProps = {
  initialData: WorkspaceData;
  ratings: RatingOption[];
  canWrite: boolean;
  canPublish: boolean;
  /** Server-rendered content under the publish panel (assignment, discussion). */
  tools?: ReactNode;
};

export function WorkspaceClient(props: WorkspaceClientProps) {
  return (
    <ToastProvider>
      <Workspace {...props} />
    </ToastProvider>
  );
}

/**
 * The active claim, by its stable key (see claimKey: a new claim keeps its key when the server
 * assigns the real id). Where the activation came from decides what scrolls: the other side.
 */
type Active = { key: string; from: "text" | "list" | "new" } | null;

const STACKED = "(max-width: 960px)";
const smooth = (): ScrollBehavior => (window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth");

function Workspace({ initialData, ratings, canWrite, canPublish, tools }: WorkspaceClientProps) {
  const articleId = initialData.article.id;
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data, error: refreshError, refetch, isFetching } = useWorkspace(initialData);
  const createClaim = useCreateClaim(articleId);
  const writing = useIsMutating({ mutationKey: workspaceKeys.mutations(articleId) });
  const [active, setActive] = useState<Active>(null);
  const [draft, setDraft] = useState<TextAnchor | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [activeSuggestionId, setActiveSuggestionId] = useState<string | null>(null);
  const sidebarRef = useRef<HTMLElement>(null);
  const textRef = useRef<TextHandle>(null);
  useLiveUpdates(articleId);
  const dismissSuggestion = useDismissSuggestion(articleId);

  // A router.refresh() (the publish panel's, after publishing) brings fresh server props:
  // adopt them unless a write is in flight (its own refetch follows and must not be undone).
  const firstProps = useRef(true);
  useEffect(() => {
    if (firstProps.current) {
      firstProps.current = false;
      return;
    }
    if (queryClient.isMutating({ mutationKey: workspaceKeys.mutations(articleId) }) === 0) {
      const key = workspaceKeys.detail(articleId);
      queryClient.setQueryData(key, carryClientKeys(queryClient.getQueryData<WorkspaceData>(key), initialData));
    }
  }, [initialData, queryClient, articleId]);

  const claims = useMemo(() => claimsInTextOrder(data.claims), [data.claims]);
  const ranges = useMemo<HighlightRange[]>(
    () => claims.filter((c) => c.versionId === data.snapshot.id && c.anchorStatus !== "orphaned").map((c) => ({ id: c.id, start: c.start, end: c.end })),
    [claims, data.snapshot.id],
  );
  const suggestions = useSuggestions(data.snapshot.blocks, ranges, data.dismissedSuggestions, data.suggestionThreshold);
  const suggestionsRef = useRef(suggestions);
  suggestionsRef.current = suggestions;
  // Looked up for every highlight on every render of the text: a map, not a search of 500 claims per mark.
  const labels = useMemo(() => new Map(claims.map((c) => [c.id, `Claim ${c.number}: ${c.statement}`])), [claims]);
  const labelOf = useCallback((id: string) => {
    const label = labels.get(id);
    if (label) return label;
    const suggestion = suggestionsRef.current.find((s) => s.id === id);
    return suggestion ? `Suggested claim (score ${Math.round(suggestion.score * 100)}%): ${suggestion.reasons.join(", ")}` : undefined;
  }, [labels]);
  // A new claim moves every claim after it down one place, which changes each of their list entries.
  // The new highlight paints first (with the previous labels); the labels and the claim list follow in a
  // background render, so adding one claim costs the blocks it touches, not half of a 500-claim article.
  const deferredLabelOf = useDeferredValue(labelOf);
  const listClaims = useDeferredValue(claims);
  const activeClaim = active ? claims.find((c) => claimKey(c) === active.key) : undefined;
  const activeId = activeClaim?.id ?? null;
  // The list renders a moment after the text (listClaims is deferred): scroll to the entry once it is there.
  const listed = activeId !== null && listClaims.some((c) => c.id === activeId);
  const publishRatings = useMemo(() => ratings.map((r) => ({ id: r.id, label: r.label })), [ratings]);
  const claimsRef = useRef(claims);
  claimsRef.current = claims;
  const activate = useCallback((id: string, from: "text" | "list") => {
    const claim = claimsRef.current.find((c) => c.id === id);
    if (claim) setActive({ key: claimKey(claim), from });
  }, []);

  const selectFromList = useCallback((id: string) => activate(id, "list"), [activate]);

  // A link like /articles/:id#claim-:claimId opens that claim.
  useEffect(() => {
    const match = /^#claim-(.+)$/.exec(window.location.hash);
    if (match) activate(decodeURIComponent(match[1]!), "list");
  }, [activate]); // only on arrival: `activate` never changes

  const scrollHighlightIntoView = useCallback((id: string, force: boolean) => {
    const mark = document.querySelector(`#article-text mark[data-claim-id="${CSS.escape(id)}"]`);
    if (!mark) return;
    const rect = mark.getBoundingClientRect();
    const visible = rect.top >= 80 && rect.bottom <= window.innerHeight - 40;
    if (force || !visible) mark.scrollIntoView({ block: "center", behavior: smooth() });
  }, []);

  // Bring the other side of an activation into view once the panel has rendered.
  useEffect(() => {
    // Re-runs when the id appears (an optimistic claim lands in the cache) or changes (its real id).
    const id = activeId;
    if (!active || !id) return;
    if (active.from === "list" || active.from === "new") {
      // On narrow screens the text is above the list: jumping there would hide the panel just opened.
      if (!window.matchMedia(STACKED).matches) scrollHighlightIntoView(id, false);
    }
    if (active.from === "text" || active.from === "new") {
      const entry = document.getElementById(entryId(id));
      const sidebar = sidebarRef.current;
      if (!entry || !sidebar) return;
      if (sidebar.scrollHeight > sidebar.clientHeight) {
        // Scroll only the sticky sidebar, never the page the reviewer is reading, and only when the
        // entry's head is out of sight (keeps the sidebar's heading and publish panel in view when it can).
        // Near the end of the page the sticky sidebar is pushed up, so measure its visible part.
        const box = sidebar.getBoundingClientRect();
        const top = Math.max(box.top, 0);
        const bottom = Math.min(box.bottom, window.innerHeight);
        const at = entry.getBoundingClientRect().top;
        if (at >= top && at <= bottom - 120) return;
        sidebar.scrollTo({ top: sidebar.scrollTop + at - top - 12, behavior: smooth() });
      } else if (!window.matchMedia(STACKED).matches) {
        entry.scrollIntoView({ block: "nearest", behavior: smooth() });
      }
    }
  }, [active, activeId, listed, scrollHighlightIntoView]);

  // The dialog took focus from the text: give it back where the reviewer was, so `]` carries on from there.
  // After a save the caret sits just after the new claim (Enter opens it); after a cancel the words stay selected.
  const backToText = (anchor: TextAnchor, how: "select" | "caret") => afterRender(() => textRef.current?.focusAt(anchor, how));
  const saveClaim = (anchor: TextAnchor, statement: string) => {
    const tempId = `pending-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    setDraft(null);
    setActive({ key: tempId, from: "new" });
    backToText(anchor, "caret");
    createClaim.mutate(
      { tempId, anchor, statement, versionId: data.snapshot.id },
      {
        onSuccess: () => toast("Claim added."),
        onError: (error) => {
          toast(`The claim was not saved. ${error.message}`, "error");
          // Select the words again so `c` retries, unless the reviewer has gone on elsewhere.
          const focused = document.activeElement;
          if (!focused || focused === document.body || focused.id === "article-text") backToText(anchor, "select");
        },
      },
    );
  };
  const cancelClaim = (anchor: TextAnchor) => {
    setDraft(null);
    backToText(anchor, "select");
  };
  const openFromText = (id: string) => {
    setActiveSuggestionId(null);
    activate(id, "text");
    focusWhenRendered(() => document.getElementById(entryId(id)));
  };

  const acceptSuggestion = (s: WorkspaceSuggestion) => {
    setActiveSuggestionId(null);
    setDraft(describeAnchor(canonicalText(data.snapshot.blocks), s.start, s.end));
  };
  const dismiss = (s: WorkspaceSuggestion) => {
    const next = suggestions[suggestions.indexOf(s) + 1];
    setActiveSuggestionId(next?.id ?? null);
    dismissSuggestion.mutate(
      { versionId: data.snapshot.id, start: s.start, end: s.end },
      { onSuccess: () => toast("Suggestion dismissed."), onError: (e) => toast(`The suggestion was not dismissed. ${e.message}`, "error") },
    );
  };
  const moveSuggestion = (step: 1 | -1) => {
    if (suggestions.length === 0) return toast("No check-worthy suggestions left in this article.");
    const at = suggestions.findIndex((s) => s.id === activeSuggestionId);
    const next = suggestions[at < 0 ? (step === 1 ? 0 : suggestions.length - 1) : (at + step + suggestions.length) % suggestions.length]!;
    setActiveSuggestionId(next.id);
    afterRender(() => document.querySelector(`[data-suggestion-id="${CSS.escape(next.id)}"]`)?.scrollIntoView({ block: "center", behavior: smooth() }));
  };
  const moveClaim = (step: 1 | -1) => {
    if (claims.length === 0) return;
    const at = activeClaim ? claims.indexOf(activeClaim) : -1;
    const next = claims[at < 0 ? (step === 1 ? 0 : claims.length - 1) : Math.min(claims.length - 1, Math.max(0, at + step))]!;
    setActive({ key: claimKey(next), from: "new" });
    focusWhenRendered(() => document.getElementById(entryId(next.id)));
  };
  const focusInPanel = (selector: (id: string) => string) => {
    const claim = activeClaim ?? claims[0];
    if (!claim) return toast("Add a claim first: select text in the article and press C.");
    if (!activeClaim) setActive({ key: claimKey(claim), from: "new" });
    afterRender(() => document.querySelector<HTMLElement>(selector(claim.id))?.focus());
  };
  useWorkspaceShortcuts({
    nextClaim: () => moveClaim(1),
    previousClaim: () => moveClaim(-1),
    openVerdict: () => focusInPanel((id) => `#${CSS.escape(panelId(id))} select`),
    showMatches: () => focusInPanel((id) => `#${CSS.escape(matchesHeadingId(id))}`),
    nextSuggestion: () => moveSuggestion(1),
    previousSuggestion: () => moveSuggestion(-1),
    acceptSuggestion: () => {
      const s = suggestions.find((x) => x.id === activeSuggestionId);
      if (s && canWrite) acceptSuggestion(s);
    },
    dismissSuggestion: () => {
      const s = suggestions.find((x) => x.id === activeSuggestionId);
      if (s && canWrite) dismiss(s);
    },
    help: () => setHelpOpen(true),
  });

  return (
    <main id="main" className={`page ${styles.page}`} aria-busy={writing > 0 || undefined}>
      <WorkspaceHeader data={data} />
      {refreshError && (
        <div className="alert warn row" role="status">
          <span>Could not load the latest changes: {refreshError.message} What you see may be out of date.</span>
          <button type="button" className="button secondary small" onClick={() => void refetch()} disabled={isFetching}>
            Try again
          </button>
        </div>
      )}
      <div className={styles.layout}>
        <section className={styles.articleColumn} aria-label="Article">
          <ArticleHighlighter
            blocks={data.snapshot.blocks}
            ranges={ranges}
            activeId={activeId}
            labelOf={deferredLabelOf}
            canAnnotate={canWrite}
            onActivate={(id) => {
              setActiveSuggestionId(null);
              activate(id, "text");
            }}
            onAddClaim={setDraft}
            suggestions={suggestions}
            activeSuggestionId={activeSuggestionId}
            onSuggestionSelect={setActiveSuggestionId}
            onAcceptSuggestion={acceptSuggestion}
            onDismissSuggestion={dismiss}
            onHelp={() => setHelpOpen(true)}
            onOpenClaim={openFromText}
            textRef={textRef}
          />
        </section>
        <aside ref={sidebarRef} className={styles.sidebar} aria-label="Claims and verdicts">
          <div id="publish-panel" className={styles.publishSlot}>
            <PublishPanel
              articleId={articleId}
              canPublish={canPublish}
              blocker={publishBlocker(claims.map((c) => c.status)) ?? anchorReviewBlocker(claims)}
              published={data.publication?.live ? { slug: data.publication.slug, version: data.publication.version } : null}
              ratings={publishRatings}
            />
            {tools}
          </div>
          <div className={styles.sidebarHeader}>
            <h2 className={styles.sidebarTitle}>
              Claims <span className={styles.sidebarCount}>{claims.length}</span>
            </h2>
          </div>
          <ClaimList
            claims={listClaims}
            blocks={data.snapshot.blocks}
            activeId={activeId}
            onSelect={selectFromList}
            renderPanel={(claim) => (
              <ClaimPanel
                articleId={articleId}
                claim={claim}
                ratings={ratings}
                canWrite={canWrite}
                published={Boolean(data.publication)}
                onShowInText={() => scrollHighlightIntoView(claim.id, true)}
              />
            )}
          />
        </aside>
      </div>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      {draft && <NewClaimDialog anchor={draft} onSave={(statement) => saveClaim(draft, statement)} onCancel={() => cancelClaim(draft)} />}
    </main>
  );
}
