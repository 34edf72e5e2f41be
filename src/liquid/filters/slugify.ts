// Jekyll's `slugify` (Jekyll::Utils.slugify) with its five modes, plus the I18n
// transliteration its `latin` mode applies first.

const MODES = new Set(['raw', 'default', 'pretty', 'ascii', 'latin']);

const REPLACEABLE: Record<string, RegExp> = {
  raw: /[ \t\r\n\f\v]+/g,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
};

export function slugify(input: unknown, mode?: unknown): string | null {
  if (input === null || input === undefined) return null;
  let text = String(input);
  const chosen = mode === null || mode === undefined ? 'default' : String(mode);
  if (!MODES.has(chosen)) return text.toLowerCase();
  if (chosen === 'latin') text = transliterate(text);
  const slug = text
    .replace(REPLACEABLE[chosen] ?? REPLACEABLE.default!, '-')
    // Ruby's ^ and $ match at every line start and end.
    .replace(/^-|-$/gm, '');
  return slug.toLowerCase();
}

// Letters of Latin-1 and Latin Extended-A that do not decompose into an ASCII letter plus marks.
const APPROXIMATIONS: Record<string, string> = {
  Æ: 'AE', Ð: 'D', '×': 'x', Ø: 'O', Þ: 'Th', ß: 'ss', æ: 'ae', ð: 'd', ø: 'o', þ: 'th',
  Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ĳ: 'IJ', ĳ: 'ij', ĸ: 'k', Ŀ: 'L', ŀ: 'l',
  Ł: 'L', ł: 'l', ŉ: "'n", Ŋ: 'NG', ŋ: 'ng', Œ: 'OE', œ: 'oe', Ŧ: 'T', ŧ: 't',
};

/** I18n.transliterate with its default rules: Latin letters lose their accents, anything else non-ASCII becomes `?`. */
export function transliterate(text: string): string {
  return text.replace(/[^\x00-\x7f]/gu, (char) => {
    const approximation = APPROXIMATIONS[char];
    if (approximation !== undefined) return approximation;
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xc0 && code <= 0x17f) {
      const base = char.normalize('NFD')[0] ?? '';
      if (/^[A-Za-z]$/.test(base)) return base;
    }
    return '?';
  });
}
