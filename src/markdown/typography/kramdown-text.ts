import type { TextLiteral } from '../source/text-literals.js';

// kramdown's span parser over one run of plain text: smart quotes, typographic symbols,
// escapes and the `\\`-at-line-end break, in kramdown's order. kramdown scans the source
// left to right and, at each position, lets the first span parser whose start pattern
// matches handle it; a quote rule may use the character before the quote only when that
// character was not already taken by an earlier parser. We rebuild that source (escapes
// and references as the author wrote them) and replay the scan.

export type SmartQuote = 'lsquo' | 'rsquo' | 'ldquo' | 'rdquo';
export type TypographicSymbol = 'mdash' | 'ndash' | 'hellip' | 'laquo_space' | 'raquo_space' | 'laquo' | 'raquo';

export interface TypesetOptions {
  /** Characters for lsquo, rsquo, ldquo, rdquo. */
  quotes: Record<SmartQuote, string>;
  /** Output of each typographic symbol. */
  symbols: Record<TypographicSymbol, string>;
  /**
   * When the quotes or symbols are configured: kramdown's own characters, which header ids
   * are made from whatever the output shows (kramdown-parser-gfm's raw text).
   */
  forIds?: TypesetOptions;
}

export interface TypesetInput {
  value: string;
  literals: readonly TextLiteral[];
  /** A plain character that precedes the run in kramdown's source (e.g. the newline after a break). */
  before?: string;
  /** Source text right after the run, which kramdown's look-aheads see. */
  after: string;
}

/** Output of a run: text, with `null` where kramdown puts a line break. */
export type TypesetPiece = string | null;

const SPACE = '[ \\t\\r\\n\\f\\v]';
const WORD = '[A-Za-z0-9_]';
const PUNCT = String.raw`[!"#$%'()*+,\-./:;<=>?@[\\\]^_\`{|}~]`;
const UNICODE_WORD = /[\p{L}\p{M}\p{Nd}\p{Pc}]/u;

type QuoteStep = number | 'lquote1' | 'rquote1' | 'lquote2' | 'rquote2' | SmartQuote;
interface QuoteRule {
  pattern: RegExp;
  steps: QuoteStep[];
  /** Extra check kramdown expresses with `\b`/`\B`, which are Unicode-aware in Ruby. */
  accept?: (text: string, at: number, match: RegExpExecArray) => boolean;
}

const isWordAt = (text: string, at: number) => at >= 0 && at < text.length && UNICODE_WORD.test(text[at]!);

const QUOTE_RULES: QuoteRule[] = [
  { pattern: new RegExp(`(["'])(?=[_*]{1,2}[^ \\t\\r\\n\\f\\v])`, 'y'), steps: ['lquote1'] },
  {
    pattern: new RegExp(`(["'])(?=${PUNCT}(?!\\.\\.))`, 'y'),
    steps: ['rquote1'],
    // `\B` after the punctuation: no word boundary there (`_` is a word character)
    accept: (text, at) => isWordAt(text, at + 1) === isWordAt(text, at + 2),
  },
  { pattern: new RegExp(`(${SPACE}?)"'(?=${WORD})`, 'y'), steps: [1, 'ldquo', 'lsquo'] },
  { pattern: new RegExp(`(${SPACE}?)'"(?=${WORD})`, 'y'), steps: [1, 'lsquo', 'ldquo'] },
  { pattern: new RegExp(`(${SPACE}?)'(?=[0-9][0-9]s)`, 'y'), steps: [1, 'rsquo'] },
  { pattern: new RegExp(`(${SPACE})(['"])(?=${WORD})`, 'y'), steps: [1, 'lquote2'] },
  { pattern: /([^ \\\t\r\n[{(-])(['"])/y, steps: [1, 'rquote2'] },
  {
    pattern: new RegExp(`(["'])(?=${SPACE}|s|\\n|$)`, 'y'),
    steps: ['rquote1'],
    accept: (text, at) => {
      const next = text[at + 1];
      return next !== 's' || !isWordAt(text, at + 2);
    },
  },
  { pattern: /([\s\S]?)'/y, steps: [1, 'lsquo'] },
  { pattern: /([\s\S]?)"/y, steps: [1, 'ldquo'] },
];

const FOOTNOTE_MARKER = /\[\^[A-Za-z0-9_][A-Za-z0-9_-]*\]/y;
const TYPOGRAPHIC = /---|--|\.\.\.|\\<<|\\>>|<< | >>|<<|>>/y;
const TYPOGRAPHIC_NAMES: Record<string, TypographicSymbol | string> = {
  '---': 'mdash', '--': 'ndash', '...': 'hellip', '\\<<': '<<', '\\>>': '>>',
  '<< ': 'laquo_space', ' >>': 'raquo_space', '<<': 'laquo', '>>': 'raquo',
};

/** Characters kramdown-parser-gfm lets a backslash escape; before others the backslash stays. */
const ESCAPABLE = new Set('\\.*_+`<>()[]{}#!:|"\'$=-~');

/** Applies kramdown's span-level text rules to one run of text. */
export function typesetText(input: TypesetInput, options: TypesetOptions): TypesetPiece[] {
  const { source, literalAt } = rebuildSource(input);
  const full = source + input.after;
  const pieces: TypesetPiece[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') pieces.push(text);
    text = '';
  };
  const literalStarts = [...literalAt.keys()].sort((a, b) => a - b);
  let nextLiteral = 0;
  let i = 0;
  while (i < source.length) {
    // Plain characters, most of any text, go through as they are, up to the next one a rule may start at.
    while (nextLiteral < literalStarts.length && literalStarts[nextLiteral]! < i) nextLiteral++;
    const plainEnd = plainRunEnd(source, i, literalStarts[nextLiteral] ?? source.length);
    if (plainEnd > i) {
      text += source.slice(i, plainEnd);
      i = plainEnd;
      continue;
    }
    const literal = literalAt.get(i);
    const c = source[i]!;
    if (literal) {
      if (source.startsWith('\\<<', i) || source.startsWith('\\>>', i)) {
        text += source.slice(i + 1, i + 3);
        i += 3;
      } else if (literal.source === '\\\\' && full[i + 2] === '\n') {
        flush();
        pieces.push(null);
        i = literal.end;
      } else {
        text += literal.source.startsWith('\\') && !ESCAPABLE.has(literal.source[1]!) ? literal.source : literal.value;
        i = literal.end;
      }
      continue;
    }
    if (c === '*' || c === '_' || c === '`') {
      // leftovers of emphasis/code span delimiters: kramdown's earlier parsers take the run
      let end = i + 1;
      while (end < source.length && source[end] === c && (c === '`' || end - i < 2) && !literalAt.has(end)) end++;
      text += source.slice(i, end);
      i = end;
      continue;
    }
    if (c === '[') {
      // an undefined footnote marker is text kramdown's footnote parser took whole, so a
      // quote right after it has nothing before it; else the link parser took the `[`
      FOOTNOTE_MARKER.lastIndex = i;
      const marker = FOOTNOTE_MARKER.test(source) ? FOOTNOTE_MARKER.lastIndex : i + 1;
      text += source.slice(i, marker);
      i = marker;
      continue;
    }
    if (c === '"' || c === "'" || (c !== '\\' && (source[i + 1] === '"' || source[i + 1] === "'"))) {
      const quoted = applyQuoteRule(full, i, options);
      if (quoted) {
        text += quoted.text;
        i += quoted.length;
        continue;
      }
    }
    TYPOGRAPHIC.lastIndex = i;
    const symbol = TYPOGRAPHIC.exec(source);
    if (symbol) {
      const name = TYPOGRAPHIC_NAMES[symbol[0]]!;
      text += name in options.symbols ? options.symbols[name as TypographicSymbol] : name;
      i += symbol[0].length;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  if (input.before && pieces.length > 0 && typeof pieces[0] === 'string') {
    const first = pieces[0].slice(input.before.length);
    if (first === '') pieces.shift();
    else pieces[0] = first;
  }
  return pieces;
}

// Characters a rule of the loop above starts at: emphasis and code leftovers, `[`, quotes,
// and the first characters of the typographic symbols and of escapes.
const RULE_START = new Set([...'*_`["\'-.\\<>'].map((c) => c.charCodeAt(0)));
const SPACE_CODE = 32;
const isQuoteCode = (code: number) => code === 34 || code === 39;

/** The end of the run of characters from `from` (before `limit`) that no rule starts at. */
function plainRunEnd(source: string, from: number, limit: number): number {
  let at = from;
  while (at < limit) {
    const code = source.charCodeAt(at);
    if (RULE_START.has(code) || isQuoteCode(source.charCodeAt(at + 1))) break;
    if (code === SPACE_CODE && source.startsWith('>>', at + 1)) break;
    at++;
  }
  return at;
}

interface SourceLiteral {
  end: number;
  source: string;
  value: string;
}

/** The run as kramdown's scanner sees it: escapes and references written out again. */
function rebuildSource(input: TypesetInput): { source: string; literalAt: Map<number, SourceLiteral> } {
  const literalAt = new Map<number, SourceLiteral>();
  let source = input.before ?? '';
  let at = 0;
  for (const literal of [...input.literals].sort((a, b) => a.start - b.start)) {
    if (literal.start < at) continue;
    source += input.value.slice(at, literal.start);
    const start = source.length;
    source += literal.source;
    literalAt.set(start, { end: source.length, source: literal.source, value: input.value.slice(literal.start, literal.end) });
    at = literal.end;
  }
  source += input.value.slice(at);
  return { source, literalAt };
}

function applyQuoteRule(text: string, at: number, options: TypesetOptions): { text: string; length: number } | undefined {
  for (const rule of QUOTE_RULES) {
    rule.pattern.lastIndex = at;
    const match = rule.pattern.exec(text);
    if (!match || (rule.accept && !rule.accept(text, at, match))) continue;
    let out = '';
    for (const step of rule.steps) {
      if (typeof step === 'number') out += match[step] ?? '';
      else out += options.quotes[quoteFor(step, match)];
    }
    return { text: out, length: match[0].length };
  }
  return undefined;
}

function quoteFor(step: Exclude<QuoteStep, number>, match: RegExpExecArray): SmartQuote {
  if (step === 'lsquo' || step === 'rsquo' || step === 'ldquo' || step === 'rdquo') return step;
  const quote = match[Number(step[step.length - 1])];
  const double = quote === '"';
  return step.startsWith('l') ? (double ? 'ldquo' : 'lsquo') : double ? 'rdquo' : 'rsquo';
}
