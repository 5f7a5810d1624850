"use client";
import { createContext, useContext, useState, type ReactNode } from "react";

const LeaveContext = createContext<(gone: boolean) => void>(() => {});

/** Lets a card's decision take the card out of the queue at once, and an undo bring it back. */
export function useLeaveQueue(): (gone: boolean) => void {
  return useContext(LeaveContext);
}

/**
 * One card of the approval queue. A decided card is hidden on the spot, not unmounted: while the decision
 * waits in its undo window the card keeps its state (the comment typed), so Undo shows it exactly as it was.
 * The page's refresh after the decision is sent finds it gone on the server too.
 */
export function CardFrame({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const [gone, setGone] = useState(false);
  return (
    <LeaveContext.Provider value={setGone}>
      <li className="card" aria-labelledby={labelledBy} hidden={gone}>
        {children}
      </li>
    </LeaveContext.Provider>
  );
}
