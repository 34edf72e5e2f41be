// Jekyll's `smartify`: kramdown's SmartyPants parser run over plain text. It turns straight
// quotes into curly ones (kramdown's quote rules, in their order), `--`/`---`/`...` and
// `<<`/`>>` into dashes, ellipses and guillemets, keeps HTML tags and entities, and escapes
// the remaining `<`, `>` and `&`.
import { characterEntitiesHtml4 } from 'character-entities-html4';

const SPACE = '[ \\t\\r\\n\\f\\v]';
const PUNCT = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
const CLOSE = '[^ \\\\\\t\\r\\n\\[{(-]';

type Piece = number | 'ldquo' | 'lsquo' | 'rsquo' | 'rdquo' | 'lquote' | 'rquote';

// kramdown's SQ_RULES: [pattern, what each group becomes]. `lquote`/`rquote` take the
// quote character matched in the last group and become single or double accordingly.
const QUOTE_RULES: [RegExp, Piece[]][] = [
  [/("|')(?=[_*]{1,2}[^ \t\r\n\f\v])/y, ['lquote']],
  [new RegExp(`("|')(?=${PUNCT}(?!\\.\\.)\\B)`, 'y'), ['rquote']],
  [new RegExp(`(${SPACE}?)"'(?=\\w)`, 'y'), [1, 'ldquo', 'lsquo']],
  [new RegExp(`(${SPACE}?)'"(?=\\w)`, 'y'), [1, 'lsquo', 'ldquo']],
  [new RegExp(`(${SPACE}?)'(?=\\d\\ds)`, 'y'), [1, 'rsquo']],
  [new RegExp(`(${SPACE})('|")(?=\\w)`, 'y'), [1, 'lquote']],
  [new RegExp(`(${CLOSE})('|")`, 'y'), [1, 'rquote']],
  [new RegExp(`("|')(?=${SPACE}|s\\b|$)`, 'my'), ['rquote']],
  [/([\s\S]?)'/y, [1, 'lsquo']],
  [/([\s\S]?)"/y, [1, 'ldquo']],
];

const QUOTE_CHARS = { ldquo: '\u201c', rdquo: '\u201d', lsquo: '\u2018', rsquo: '\u2019' };

const SYMBOLS: [string, string][] = [
  ['---', '\u2014'],
  ['--', '\u2013'],
  ['...', '\u2026'],
  ['\\<<', '&lt;&lt;'],
  ['\\>>', '&gt;&gt;'],
  ['<< ', '\u00ab\u00a0'],
  [' >>', '\u00a0\u00bb'],
  ['<<', '\u00ab'],
  ['>>', '\u00bb'],
];

const SPAN_START = /[^\\]?["']|&|--|\.\.\.|(?:\\| )?(?:<<|>>)|<(?:[A-Za-z_:][\w:.-]*|!--|\/)/y;
const QUOTE_START = /[^\\]?["']/y;
const ENTITY = /&([\w:][-\w.:]*);|&#(\d+);|&#x([0-9a-fA-F]+);/y;
const COMMENT = /<!--[\s\S]*?-->/y;
const TAG = /<\/?[A-Za-z_:][\w:.-]*(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:[\w-]+|"[^"]*"|'[^']*'))?)*\s*\/?>/y;

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function at(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}

function entity(match: RegExpExecArray): string {
  const code = match[2] !== undefined ? Number(match[2]) : match[3] !== undefined ? parseInt(match[3], 16) : undefined;
  const char =
    code !== undefined
      ? code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : undefined
      : match[1] === 'apos'
        ? "'"
        : (characterEntitiesHtml4 as Record<string, string>)[match[1]!];
  if (char === undefined) return `&amp;${escapeText(match[0].slice(1))}`;
  // As kramdown's `as_char` output: characters, except the ones HTML needs escaped.
  return char === '<' || char === '>' || char === '&' ? match[0] : char;
}

function quotes(text: string, position: number, out: string[]): number | undefined {
  for (const [rule, pieces] of QUOTE_RULES) {
    const match = at(rule, text, position);
    if (!match) continue;
    const quoteGroup = match[match.length - 1];
    for (const piece of pieces) {
      if (typeof piece === 'number') out.push(escapeText(match[piece] ?? ''));
      else if (piece === 'lquote') out.push(quoteGroup === '"' ? QUOTE_CHARS.ldquo : QUOTE_CHARS.lsquo);
      else if (piece === 'rquote') out.push(quoteGroup === '"' ? QUOTE_CHARS.rdquo : QUOTE_CHARS.rsquo);
      else out.push(QUOTE_CHARS[piece]);
    }
    return position + match[0].length;
  }
  return undefined;
}

/** One span construct at `position`, or undefined when none starts there. */
function span(text: string, position: number, out: string[]): number | undefined {
  if (at(QUOTE_START, text, position)) return quotes(text, position, out);
  const entityMatch = at(ENTITY, text, position);
  if (entityMatch) {
    out.push(entity(entityMatch));
    return position + entityMatch[0].length;
  }
  const symbol = SYMBOLS.find(([from]) => text.startsWith(from, position));
  if (symbol) {
    out.push(symbol[1]);
    return position + symbol[0].length;
  }
  const html = at(COMMENT, text, position) ?? at(TAG, text, position);
  if (html) {
    out.push(html[0]);
    return position + html[0].length;
  }
  return undefined;
}

export function smartify(input: unknown): string {
  const text = String(input ?? '').replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const out: string[] = [];
  let plainFrom = 0;
  let position = 0;
  while (position < text.length) {
    if (!at(SPAN_START, text, position)) {
      position++;
      continue;
    }
    out.push(escapeText(text.slice(plainFrom, position)));
    const next = span(text, position, out);
    if (next === undefined) {
      out.push(escapeText(text[position]!));
      position++;
    } else {
      position = next;
    }
    plainFrom = position;
  }
  out.push(escapeText(text.slice(plainFrom)));
  return out.join('');
}
