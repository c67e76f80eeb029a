// The playground's highlight colours: readable (WCAG 2.x contrast) and told apart from each other.
import { describe, expect, it } from 'vitest';
import { contrastRatio, PALETTE, relativeLuminance, TEXT } from '../../src/playground/web/palette.js';

// CIE L*a*b* (D65) of an sRGB colour, for the distance between two highlight colours.
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = xyz.map(f);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

const kinds = Object.keys(PALETTE) as Array<keyof typeof PALETTE>;

describe('playground palette', () => {
  it('computes WCAG contrast like the reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(relativeLuminance('#ffffff')).toBe(1);
  });

  it.each(kinds)('%s: article text on the highlight and white on the label chip reach 4.5:1 (AA)', (k) => {
    const text = contrastRatio(TEXT, PALETTE[k].bg);
    const chip = contrastRatio('#ffffff', PALETTE[k].chip);
    expect(text).toBeGreaterThanOrEqual(4.5);
    expect(chip).toBeGreaterThanOrEqual(4.5);
    // The ratios the palette.ts comment quotes.
    expect({ text: +text.toFixed(1), chip: +chip.toFixed(1) }).toEqual(
      { person: { text: 13.2, chip: 7.8 }, organization: { text: 13.3, chip: 8.0 }, place: { text: 13.9, chip: 7.3 }, resolution: { text: 14.0, chip: 7.4 }, meeting: { text: 11.4, chip: 9.3 } }[k],
    );
  });

  it('the edge of each highlight (its chip colour) stands out from its background (3:1, non-text contrast)', () => {
    for (const k of kinds) expect(contrastRatio(PALETTE[k].chip, PALETTE[k].bg)).toBeGreaterThanOrEqual(3);
  });

  it('highlights and chips are distinguishable from each other (CIE76 ΔE ≥ 15)', () => {
    for (const a of kinds)
      for (const b of kinds) {
        if (a >= b) continue;
        expect(deltaE(PALETTE[a].bg, PALETTE[b].bg), `${a} vs ${b} background`).toBeGreaterThanOrEqual(15);
        expect(deltaE(PALETTE[a].chip, PALETTE[b].chip), `${a} vs ${b} chip`).toBeGreaterThanOrEqual(15);
      }
  });
});
