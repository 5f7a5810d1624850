import { serializeJsonLd } from "@/lib/claimreview";

/**
 * One JSON-LD script element. React would HTML-escape text children, which
 * is wrong inside a script, so the body goes in as HTML; serializeJsonLd
 * escapes `<`, `>` and `&` so no value (a claim quoting "</script>") can end
 * the element early.
 */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
