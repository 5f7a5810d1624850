import { ImageResponse } from "next/og";
import { textColourOn } from "@/lib/contrast";
import { publicFactCheckBySlug } from "@/server/public-cache";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "The fact-check's verdict";

/**
 * The verdict card shared on social media. Uses next/og's bundled default
 * font only: nothing is fetched from the internet while rendering.
 */
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const factCheck = await publicFactCheckBySlug(slug);
  const title = factCheck?.article.title ?? "Fact-check not found";
  const headline = factCheck?.headlineRating ?? null;
  const counts = new Map<string, { colour: string; n: number }>();
  for (const c of factCheck?.claims ?? []) {
    const entry = counts.get(c.verdict.rating.label) ?? { colour: c.verdict.rating.colour, n: 0 };
    entry.n++;
    counts.set(c.verdict.rating.label, entry);
  }
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 64, background: "#f7f7f5", color: "#1b1f24" }}>
        <div style={{ display: "flex", fontSize: 28, fontWeight: 700, letterSpacing: 2, color: "#084a8c" }}>
          {`FACT-CHECK · ${(factCheck?.organisationName ?? "Factdesk").toUpperCase()}`}
        </div>
        <div style={{ display: "flex", fontSize: title.length > 90 ? 44 : 56, fontWeight: 700, lineHeight: 1.2 }}>{title}</div>
        <div style={{ display: "flex", alignItems: "center", gap: 24 }}>
          {headline ? (
            <div style={{ display: "flex", padding: "14px 28px", borderRadius: 12, fontSize: 44, fontWeight: 700, background: headline.colour, color: textColourOn(headline.colour) }}>
              {headline.label}
            </div>
          ) : null}
          <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
            {[...counts.entries()].map(([label, { colour, n }]) => (
              <div key={label} style={{ display: "flex", padding: "6px 14px", borderRadius: 8, fontSize: 26, background: colour, color: textColourOn(colour) }}>
                {n > 1 ? `${n} × ${label}` : label}
              </div>
            ))}
          </div>
        </div>
      </div>
    ),
    size,
  );
}
