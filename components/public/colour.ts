/**
 * Text colour for a badge on a rating colour. Admins edit the scale's colours,
 * so the page picks whichever of white or near-black text reaches the better
 * WCAG contrast instead of assuming every colour suits white text.
 */
const DARK = "#1b1f24";
const LIGHT = "#ffffff";

/** Relative luminance (WCAG 2.x) of a #rgb or #rrggbb colour, or null when the value is not one. */
export function luminance(colour: string): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: number, b: number): number {
  const [hi, lo] = a > b ? [a, b] : [b, a];
  return (hi + 0.05) / (lo + 0.05);
}

/** White unless near-black text contrasts better (unparseable colours keep white, the scale's design). */
export function textColourOn(background: string): string {
  const l = luminance(background);
  if (l === null) return LIGHT;
  const dark = luminance(DARK)!;
  return contrastRatio(l, 1) >= contrastRatio(l, dark) ? LIGHT : DARK;
}
