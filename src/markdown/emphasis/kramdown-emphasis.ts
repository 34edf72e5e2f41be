// kramdown's emphasis rules, replayed over a container's text. kramdown scans left to
// right; at `*`, `**`, `_` or `__` it tries an element (`**`/`__` strong, else em) unless
// the delimiter is followed by whitespace, a `_` follows a letter (or letter and `-`), or
// that element is already open around it. It then parses the content as spans until it
// meets the same delimiter where a closer may stand: not after whitespace, content not
// empty, an em closer not the start of a lone `**`, a `_` closer not before a letter or
// digit. Failing that, a strong is retried as an em starting one character later (so
// `**foo*` is `<em>*foo</em>`), and failing again the delimiter stays text.
//
// kramdown backtracks (it re-reads the content after each failure), which is quadratic or
// worse on runs of delimiters. The outcome of "scan from position p looking for closer c
// while elements S are open" never depends on where the scan began, so each such outcome
// is computed once and shared: linear time, and a nesting depth bounded by the few
// element combinations kramdown allows (an em never holds an em, nor a strong a strong).

/**
 * Positions besides delimiters where other span parsers act (links, HTML elements): the
 * scan stops there and asks what they make, which the emphasis rules must step over.
 */
export interface SpanStops {
  stopsAt(at: number): boolean;
  /** What kramdown's parsers make at `at` in `state`: the position after it. */
  parseAt(scan: EmphasisScan, state: State, at: number): number;
}

/** The characters of a container, as the emphasis rules look at them. */
export interface DelimitedText {
  readonly length: number;
  /** `*` or `_` where the character may delimit emphasis, else ''. */
  delimiterAt(at: number): string;
  /** The source character written at `at` ('' past the end). */
  writtenAt(at: number): string;
  /** The source character written right before `at` ('' at the start). */
  writtenBefore(at: number): string;
}

export interface EmphasisRange {
  kind: 'emphasis' | 'strong';
  /** Position of the opening delimiter. */
  start: number;
  contentStart: number;
  contentEnd: number;
  /** Position right after the closing delimiter. */
  end: number;
  children: EmphasisRange[];
}

export interface OpenElements {
  emphasis: boolean;
  strong: boolean;
}

export const EM = 1;
export const STRONG = 2;
/** Inside a link's (or an image's) text, where a `[` opens no link. */
export const LINK = 4;
/** The innermost open element is neither an em nor a strong. */
export const OTHER = 0;
export const FAIL = -1;

/** Elements open around the scan (a set of EM/STRONG/LINK) and the innermost one. */
export interface State {
  open: number;
  top: number;
}

export interface Found {
  element: number;
  contentStart: number;
  close: number;
  closeLength: number;
}

// Ruby's \s, [[:alpha:]] and [[:alnum:]] (the last two Unicode-aware).
const SPACE = /^[ \t\n\r\f\v]$/;
const ALPHA = /^\p{Alphabetic}$/u;
const ALNUM = /^[\p{Alphabetic}\p{Nd}]$/u;

export function findKramdownEmphasis(text: DelimitedText, around: OpenElements): EmphasisRange[] {
  return new EmphasisScan(text).ranges({ open: (around.emphasis ? EM : 0) | (around.strong ? STRONG : 0), top: OTHER });
}

export class EmphasisScan {
  private readonly nextDelimiter: Int32Array;
  /** Per state: position after what the span parsers took at a delimiter, plus one (0: not known yet). */
  private readonly nextMemo = new Map<number, Int32Array>();
  private readonly foundMemo = new Map<number, Map<number, Found>>();
  /** Per state and closer: the closer position a scan from a delimiter reaches, plus two (1: none). */
  private readonly closeMemo = new Map<number, Int32Array>();

  constructor(
    private readonly text: DelimitedText,
    private readonly stops?: SpanStops,
  ) {
    const n = text.length;
    this.nextDelimiter = new Int32Array(n + 1);
    this.nextDelimiter[n] = n;
    for (let at = n - 1; at >= 0; at--) {
      const stop = text.delimiterAt(at) !== '' || stops?.stopsAt(at);
      this.nextDelimiter[at] = stop ? at : this.nextDelimiter[at + 1]!;
    }
  }

  ranges(state: State): EmphasisRange[] {
    return this.build(state, 0, this.text.length);
  }

  /** The first position at or after `at` where the scan stops (the length if none). */
  nextStop(at: number): number {
    return this.nextDelimiter[at]!;
  }

  /** The em or strong the scan made at `at` in `state`, if any. */
  foundAt(state: State, at: number): Found | undefined {
    return this.foundMemo.get(stateKey(state))?.get(at);
  }

  /** Replays the scan from `from` to `to` in `state`, collecting the elements found. */
  private build(state: State, from: number, to: number): EmphasisRange[] {
    const out: EmphasisRange[] = [];
    for (let at = this.nextDelimiter[from]!; at < to; ) {
      const next = this.step(state, at);
      const found = this.foundMemo.get(stateKey(state))?.get(at);
      if (found) {
        const inner = { open: state.open | found.element, top: found.element };
        out.push({
          kind: found.element === STRONG ? 'strong' : 'emphasis',
          start: at,
          contentStart: found.contentStart,
          contentEnd: found.close,
          end: found.close + found.closeLength,
          children: this.build(inner, found.contentStart, found.close),
        });
      }
      at = this.nextDelimiter[Math.min(next, to)]!;
    }
    return out;
  }

  /** What kramdown's span parsers do at stop `at` in `state`: returns the position after it. */
  step(state: State, at: number): number {
    const key = stateKey(state);
    let memo = this.nextMemo.get(key);
    if (!memo) this.nextMemo.set(key, (memo = new Int32Array(this.text.length + 1)));
    if (memo[at]! > 0) return memo[at]! - 1;
    const next = this.tryElement(state, at);
    memo[at] = next + 1;
    return next;
  }

  private tryElement(state: State, at: number): number {
    const { text } = this;
    const char = text.delimiterAt(at);
    if (!char) return this.stops ? this.stops.parseAt(this, state, at) : at + 1;
    const run = text.delimiterAt(at + 1) === char ? 2 : 1;
    const element = run === 2 ? STRONG : EM;
    if ((char === '_' && this.followsLetter(at)) || SPACE.test(text.writtenAt(at + run)) || state.open & element) return at + run;
    const close = this.scanFor({ open: state.open | element, top: element }, char, run, at + run);
    if (close !== FAIL) return this.remember(state, at, { element, contentStart: at + run, close, closeLength: run });
    if (element === STRONG && state.top !== EM) {
      const retry = this.scanFor({ open: state.open | EM, top: EM }, char, 1, at + 1);
      if (retry !== FAIL) return this.remember(state, at, { element: EM, contentStart: at + 1, close: retry, closeLength: 1 });
    }
    return at + run;
  }

  private remember(state: State, at: number, found: Found): number {
    const key = stateKey(state);
    let memo = this.foundMemo.get(key);
    if (!memo) this.foundMemo.set(key, (memo = new Map()));
    memo.set(at, found);
    return found.close + found.closeLength;
  }

  /** Scans the content of an element opened right before `start` for its closer. */
  private scanFor(state: State, char: string, length: number, start: number): number {
    let at = this.nextDelimiter[start]!;
    // nothing is parsed yet, so a delimiter right at the start cannot close
    if (at === start && at < this.text.length) at = this.nextDelimiter[this.step(state, at)]!;
    return this.closerFrom(state, char, length, at);
  }

  /** The first closer on the scan's way from delimiter `from`, or FAIL. */
  private closerFrom(state: State, char: string, length: number, from: number): number {
    const n = this.text.length;
    const key = stateKey(state) * 4 + (char === '_' ? 2 : 0) + length - 1;
    let memo = this.closeMemo.get(key);
    if (!memo) this.closeMemo.set(key, (memo = new Int32Array(n + 1)));
    const path: number[] = [];
    let result = FAIL;
    for (let at = from; ; ) {
      if (at >= n) break;
      if (memo[at]! > 0) {
        result = memo[at]! - 2;
        break;
      }
      if (this.closes(char, length, at)) {
        result = at;
        break;
      }
      path.push(at);
      at = this.nextDelimiter[this.step(state, at)]!;
    }
    for (const at of path) memo[at] = result + 2;
    return result;
  }

  private closes(char: string, length: number, at: number): boolean {
    const { text } = this;
    if (text.delimiterAt(at) !== char) return false;
    const second = text.delimiterAt(at + 1) === char;
    if (length === 2 && !second) return false;
    if (SPACE.test(text.writtenBefore(at))) return false;
    if (length === 1 && second && text.delimiterAt(at + 2) !== char) return false;
    return !(char === '_' && ALNUM.test(text.writtenAt(at + length)));
  }

  /** kramdown's `[[:alpha:]]-?[[:alpha:]]*\z` before a `_`: a letter, or a letter and `-`. */
  private followsLetter(at: number): boolean {
    const before = this.text.writtenBefore(at);
    if (ALPHA.test(before)) return true;
    return before === '-' && ALPHA.test(this.text.writtenBefore(at - 1));
  }
}

export function stateKey(state: State): number {
  return state.open * 3 + state.top;
}
