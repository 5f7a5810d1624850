/**
 * WCAG 2.x contrast for rating colours, the one implementation: the admin
 * check refuses a colour white badge text is unreadable on, and public pages
 * pick the badge's text colour. The sRGB linearisation threshold is the IEC
 * 61966-2-1 value 0.04045 (older WCAG text says 0.03928; no 8-bit channel
 * value lies between the two, so hex colours come out the same).
 */

/** WCAG AA for normal text. Badge labels are small, so the large-text 3:1 does not apply. */
export const MIN_BADGE_CONTRAST = 4.5;

export function parseHexColour(value: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (0 black – 1 white) of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Contrast ratio (1–21) between two hex colours; null when either is not a hex colour. */
export function contrastRatio(a: string, b: string): number | null {
  const ca = parseHexColour(a);
  const cb = parseHexColour(b);
  if (!ca || !cb) return null;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Why white badge text on `colour` is not readable enough, or null when it is. */
export function badgeContrastProblem(colour: string): string | null {
  const ratio = contrastRatio(colour, "#ffffff");
  if (ratio === null) return "Enter the colour as a hex code such as #1a7f37.";
  if (ratio < MIN_BADGE_CONTRAST) {
    return `White text on ${colour} has a contrast of ${ratio.toFixed(2)}:1; badges need at least ${MIN_BADGE_CONTRAST}:1 to be readable. Choose a darker colour.`;
  }
  return null;
}

/** Near-black badge text, for rating colours light enough that it reads better than white. */
const DARK_TEXT = "#1b1f24";
const WHITE = "#ffffff";

/**
 * Text colour for a badge on a rating colour: white unless near-black text
 * reaches the better contrast. Admins edit the scale's colours, so the page
 * does not assume every colour suits white text; a value that is not a hex
 * colour keeps white, the scale's design.
 */
export function textColourOn(background: string): string {
  const onWhite = contrastRatio(background, WHITE);
  if (onWhite === null) return WHITE;
  return onWhite >= contrastRatio(background, DARK_TEXT)! ? WHITE : DARK_TEXT;
}
