"use client";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";

/**
 * "Skip to article text": the first tab stop of the workspace page, before
 * the site's own "Skip to content" and the desk navigation. The layout is
 * shared by every page, so the workspace puts its link at the top of <body>
 * itself (after hydration: until then "Skip to content" is first). Visible on
 * focus only (the global .skip-link style).
 */
export function SkipToText({ onActivate }: { onActivate: () => void }) {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const el = document.createElement("div");
    document.body.prepend(el);
    setHost(el);
    return () => el.remove();
  }, []);
  if (!host) return null;
  return createPortal(
    <a
      className="skip-link"
      href="#article-text"
      onClick={(e) => {
        // Focus the text ourselves (at the cursor, if there is one) and keep #article-text out of the address.
        e.preventDefault();
        onActivate();
      }}
    >
      Skip to article text
    </a>,
    host,
  );
}
