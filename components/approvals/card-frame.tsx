"use client";
import { createContext, useContext, useState, type ReactNode } from "react";

const LeaveContext = createContext<() => void>(() => {});

/** Lets a card's decision take the card out of the queue at once, without waiting for the page to render again. */
export function useLeaveQueue(): () => void {
  return useContext(LeaveContext);
}

/**
 * One card of the approval queue. A decided card goes away on the spot; the
 * page's refresh that follows in the background (counts, the rest of the
 * queue) finds it gone on the server too.
 */
export function CardFrame({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const [gone, setGone] = useState(false);
  if (gone) return null;
  return (
    <LeaveContext.Provider value={() => setGone(true)}>
      <li className="card" aria-labelledby={labelledBy}>
        {children}
      </li>
    </LeaveContext.Provider>
  );
}
