/**
 * How a claim is named on the desk: by its stable number (creation order, never renumbered when a claim is
 * added above it) with its current place in the text beside it, e.g. "Claim 7 · 2nd in the text".
 */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

export function claimPosition(position: number): string {
  return `${ordinal(position)} in the text`;
}
