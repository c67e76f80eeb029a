// Language of an article: Arabic or English, by counting letters of each script.
// Mixed text is normal (Arabic articles quote Latin names), so the majority script wins.
export type Language = 'ar' | 'en';

export function detectLanguage(text: string, sample = 20_000): Language {
  let ar = 0;
  let latin = 0;
  const n = Math.min(text.length, sample);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) ar++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return ar >= latin * 0.5 && ar > 0 ? 'ar' : 'en';
}
