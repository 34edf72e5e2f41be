// kramdown options as Jekyll 4.3 passes them (Jekyll's defaults, overridable by the
// `kramdown:` key of _config.yml). Names follow kramdown's, so a site's config maps 1:1.
export interface KramdownOptions {
  input: string;
  auto_ids: boolean;
  auto_id_prefix: string;
  auto_id_stripping: boolean;
  toc_levels: number[];
  smart_quotes: string;
  hard_wrap: boolean;
  entity_output: string;
  footnote_nr: number;
  footnote_backlink: string;
  syntax_highlighter: string | null;
  parse_block_html: boolean;
  parse_span_html: boolean;
  gfm_quirks: string[];
  typographic_symbols: Record<string, string>;
  header_offset: number;
  transliterated_header_ids: boolean;
  math_engine: string | null;
}

export const JEKYLL_KRAMDOWN_DEFAULTS: KramdownOptions = {
  input: 'GFM',
  auto_ids: true,
  auto_id_prefix: '',
  auto_id_stripping: false,
  toc_levels: [1, 2, 3, 4, 5, 6],
  smart_quotes: 'lsquo,rsquo,ldquo,rdquo',
  hard_wrap: false,
  entity_output: 'as_char',
  footnote_nr: 1,
  footnote_backlink: '&#8617;',
  syntax_highlighter: 'rouge',
  parse_block_html: false,
  parse_span_html: true,
  gfm_quirks: ['paragraph_end'],
  typographic_symbols: {},
  header_offset: 0,
  transliterated_header_ids: false,
  math_engine: 'mathjax',
};

/** Merges a `kramdown:` section of _config.yml over Jekyll's defaults. */
export function resolveKramdownOptions(fromConfig: Record<string, unknown> | undefined): KramdownOptions {
  const merged: Record<string, unknown> = { ...JEKYLL_KRAMDOWN_DEFAULTS };
  for (const [key, value] of Object.entries(fromConfig ?? {})) {
    if (value !== undefined && value !== null) merged[key] = value;
  }
  const levels = merged.toc_levels;
  if (typeof levels === 'string') merged.toc_levels = parseLevels(levels);
  const quirks = merged.gfm_quirks;
  if (typeof quirks === 'string') merged.gfm_quirks = quirks.split(',').map((q) => q.trim());
  return merged as unknown as KramdownOptions;
}

function parseLevels(text: string): number[] {
  const range = /^(\d)\.\.(\d)$/.exec(text.trim());
  if (range) {
    const out: number[] = [];
    for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push(n);
    return out;
  }
  return text.split(',').map((n) => Number(n.trim())).filter((n) => n >= 1 && n <= 6);
}
