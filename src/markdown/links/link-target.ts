// kramdown's reading of an inline link target, `(url)`, `(url "title")` or `(<url>)`, on
// the text as written. kramdown counts parentheses up to the one that balances the `(`,
// unless whitespace followed by a quote comes first, which starts the title; the url is
// what lies between, trimmed. Its scans can run to the end of the paragraph, once per
// `](`; the tables below answer each of them in constant time, so a paragraph full of
// broken links stays linear.

export interface LinkTarget {
  /** Offsets of the url (trimmed) and of the title in the written text. */
  url: [number, number];
  title?: [number, number];
  /** Offset right after the closing `)`. */
  end: number;
}

const SPACE = /[ \t\n\r\f\v]/;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
/** SPACE by character code: tab, newline, vertical tab, form feed, carriage return, space. */
const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);
// Ruby's String#strip
const STRIPPED = /[ \t\n\r\f\v\0]/;

export class WrittenText {
  private tables?: {
    afterSpaces: Int32Array;
    closeParen: Int32Array;
    spaceBeforeQuote: Int32Array;
    titleEnd: Record<string, Int32Array>;
  };

  constructor(readonly text: string) {}

  /** The first offset at or after `at` that is not whitespace. */
  afterSpaces(at: number): number {
    return this.build().afterSpaces[at]!;
  }

  /** The `)` balancing the `(` at `at` (-1 if none). */
  closeParen(at: number): number {
    return this.build().closeParen[at]!;
  }

  /** The first whitespace at or after `at` that a quote follows (-1 if none). */
  spaceBeforeQuote(at: number): number {
    return this.build().spaceBeforeQuote[at]!;
  }

  /** The first `quote` at or after `at` with only whitespace between it and a `)` (-1 if none). */
  titleEnd(quote: string, at: number): number {
    return this.build().titleEnd[quote]![at]!;
  }

  private build() {
    if (this.tables) return this.tables;
    const { text } = this;
    const n = text.length;
    const closeParen = new Int32Array(n + 1).fill(-1);
    const open: number[] = [];
    for (let at = 0; at < n; at++) {
      const code = text.charCodeAt(at);
      if (code === OPEN_PAREN) open.push(at);
      else if (code === CLOSE_PAREN && open.length > 0) closeParen[open.pop()!] = at;
    }
    const afterSpaces = new Int32Array(n + 1).fill(n);
    const spaceBeforeQuote = new Int32Array(n + 1).fill(-1);
    const doubleEnd = new Int32Array(n + 1).fill(-1);
    const singleEnd = new Int32Array(n + 1).fill(-1);
    // whether only whitespace stands between an offset and a `)`
    let parenAhead = false;
    for (let at = n - 1; at >= 0; at--) {
      const code = text.charCodeAt(at);
      const space = isSpace(code);
      afterSpaces[at] = space ? afterSpaces[at + 1]! : at;
      const closesTitle = parenAhead;
      parenAhead = code === CLOSE_PAREN || (space && parenAhead);
      const next = text.charCodeAt(at + 1);
      spaceBeforeQuote[at] = space && (next === DOUBLE_QUOTE || next === SINGLE_QUOTE) ? at : spaceBeforeQuote[at + 1]!;
      doubleEnd[at] = code === DOUBLE_QUOTE && closesTitle ? at : doubleEnd[at + 1]!;
      singleEnd[at] = code === SINGLE_QUOTE && closesTitle ? at : singleEnd[at + 1]!;
    }
    this.tables = { afterSpaces, closeParen, spaceBeforeQuote, titleEnd: { '"': doubleEnd, "'": singleEnd } };
    return this.tables;
  }
}

/** Reads the target starting at the `(` at `at`, or undefined when kramdown would not. */
export function readLinkTarget(written: WrittenText, at: number): LinkTarget | undefined {
  const { text } = written;
  const angle = /\(<(.*?)>/y;
  angle.lastIndex = at;
  const bracketed = angle.exec(text);
  if (bracketed) {
    const url: [number, number] = [at + 2, at + 2 + bracketed[1]!.length];
    const after = angle.lastIndex;
    if (text[after] === ')') return { url, end: after + 1 };
    return withTitle(written, url, after);
  }
  const close = written.closeParen(at);
  const space = written.spaceBeforeQuote(at + 1);
  if (space >= 0 && (close < 0 || space < close)) return withTitle(written, trim(text, at + 1, space), space + 1);
  if (close < 0) return undefined;
  return { url: trim(text, at + 1, close), end: close + 1 };
}

/** `\s*?(["'])(.+?)\1\s*?\)` at `at`: a quoted, non-empty title and the closing `)`. */
function withTitle(written: WrittenText, url: [number, number], at: number): LinkTarget | undefined {
  const { text } = written;
  let k = at;
  while (k < text.length && SPACE.test(text[k]!)) k++;
  const quote = text[k];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = written.titleEnd(quote, k + 2);
  if (end < 0) return undefined;
  let paren = end + 1;
  while (SPACE.test(text[paren]!)) paren++;
  return { url, title: [k + 1, end], end: paren + 1 };
}

function trim(text: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  while (start < end && STRIPPED.test(text[start]!)) start++;
  while (end > start && STRIPPED.test(text[end - 1]!)) end--;
  return [start, end];
}
