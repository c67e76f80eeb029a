// The playground's colours, in one place: main.ts copies them into CSS custom properties, and
// test/playground/palette.test.ts checks them against WCAG 2.x contrast (text on each highlight
// and on each label chip at least 4.5:1, AA for normal text) and that highlights are told apart
// (CIE76 ΔE ≥ 15 between any two backgrounds and any two chips).
//
// Measured (relativeLuminance / contrastRatio below; the test recomputes and asserts):
//   text #1b1b1f on person #d3e3ff 13.2:1, actor (state/organisation) #ffd9e6 13.3:1,
//   place #cdf0d6 13.9:1, resolution #ffe6a8 14.0:1, meeting #e2c9f5 11.4:1;
//   white on chips person #1d4ea8 7.8:1, actor #9c1746 8.0:1, place #1a6330 7.3:1,
//   resolution #7d4a00 7.4:1, meeting #5f2a96 9.3:1.

export type Kind = 'person' | 'organization' | 'place' | 'resolution' | 'meeting';

export interface Swatch {
  /** Highlight background behind article text. */
  bg: string;
  /** Label chip background (white text) and the highlight's edge. */
  chip: string;
  /** Chip text. */
  label: string;
}

export const TEXT = '#1b1b1f';

export const PALETTE: Record<Kind, Swatch> = {
  person: { bg: '#d3e3ff', chip: '#1d4ea8', label: 'Person' },
  organization: { bg: '#ffd9e6', chip: '#9c1746', label: 'Actor' },
  place: { bg: '#cdf0d6', chip: '#1a6330', label: 'Place' },
  resolution: { bg: '#ffe6a8', chip: '#7d4a00', label: 'Resolution' },
  meeting: { bg: '#e2c9f5', chip: '#5f2a96', label: 'Meeting' },
};

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, 1..21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** CSS custom properties for the palette (--person-bg, --person-chip, …). */
export function cssVariables(): Record<string, string> {
  const vars: Record<string, string> = { '--text': TEXT };
  for (const [kind, s] of Object.entries(PALETTE)) {
    vars[`--${kind}-bg`] = s.bg;
    vars[`--${kind}-chip`] = s.chip;
  }
  return vars;
}
