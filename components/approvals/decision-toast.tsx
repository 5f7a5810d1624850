"use client";
import { createContext, useContext, useState, type ReactNode } from "react";
import { UndoToast } from "@/components/ui/undo-toast";
import { useUndoWindow, type Undoable } from "@/components/ui/undo-window";

type Decision = Undoable & { claim: string };
const ToastContext = createContext<(decision: Decision) => void>(() => {});

/** Lets a card hand its decision to the queue's undo window once the card itself has left the queue. */
export function useDecisionToast(): (decision: Decision) => void {
  return useContext(ToastContext);
}

/**
 * The queue's status line. It outlives the cards: a decided card leaves the queue at once, and this line
 * holds the decision for a few seconds with an Undo button before sending it (see undo-window.ts for why
 * undo is a delay, not a reversal), then says what happened. Pinned to the viewport, so it is seen wherever
 * the card was.
 */
export function DecisionToastProvider({ children }: { children: ReactNode }) {
  const undoWindow = useUndoWindow();
  const [claim, setClaim] = useState("");
  const show = (decision: Decision) => {
    setClaim(decision.claim);
    undoWindow.start(decision);
  };
  return (
    <ToastContext.Provider value={show}>
      <UndoToast
        state={undoWindow.state}
        onUndo={undoWindow.undo}
        onSendNow={() => void undoWindow.sendNow()}
        onDismiss={undoWindow.dismiss}
        detail={claim ? <span className="small">Claim: “{claim}”</span> : null}
      />
      {children}
    </ToastContext.Provider>
  );
}
