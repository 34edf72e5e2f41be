import {
  EmphasisScan,
  FAIL,
  LINK,
  OTHER,
  STRONG,
  stateKey,
  type DelimitedText,
  type EmphasisRange,
  type SpanStops,
  type State,
} from '../emphasis/kramdown-emphasis.js';

// kramdown finds links and emphasis in one left-to-right scan. It parses a link's text
// with all span parsers, so an emphasis opened in it may run past the `]` (the `[` is then
// text), and an emphasis that holds a link steps over the link's target. The text ends at
// the `]` that balances the `[`, counting the brackets the scan itself steps on: not those
// an emphasis, an image or an HTML element took; a footnote marker's `[` counts, its `]`
// does not (the marker takes it). What follows the `]` decides the rest (`linkEnd`).
// Each bracket group's end is kept per state, so nested brackets are read once.

/** What the link rules need to know of a container's positions. */
export interface LinkSyntax {
  /** A plain `[` or `]` at `at`, else ''. */
  bracketAt(at: number): string;
  /** The `[` at `at` opens an image (a plain `!` before it). */
  isImage(at: number): boolean;
  /** The `[` at `at` cannot open a link at all (a footnote's `[^`). */
  isFootnote(at: number): boolean;
  /** For a link whose text runs from `open` to the `]` at `close`: the position after it, or -1. */
  linkEnd(open: number, close: number, image: boolean): number;
  /** At the start tag of an HTML element whose content stays raw: the position after its end tag, else -1. */
  elementEnd(at: number): number;
  /** At the start tag of an HTML element whose content kramdown parses: its name, else ''. */
  elementName(at: number): string;
  /** At an end tag (a node, or text the block stage left unpaired): its name, else ''. */
  endTagName(at: number): string;
  /** At an end tag: the position after it. */
  endTagEnd(at: number): number;
  /** At a footnote marker (`[^id]`, or the node made of one): the position after it, else -1. */
  footnoteEnd(at: number): number;
}

export interface LinkRange {
  /** Position of the `[`. */
  open: number;
  close: number;
  end: number;
  image: boolean;
}

/** What kramdown's scan of a container makes. */
export interface ScannedSpans {
  links: LinkRange[];
  /** Every em and strong, nested ones included (their children left empty). */
  emphasis: EmphasisRange[];
  /**
   * The HTML elements whose content the scan parsed: their start tags' positions, and
   * where the end tag that closed each was (the length when it ran to the end).
   */
  elements: Array<{ start: number; close: number }>;
}

/**
 * kramdown's scan of a container, links and emphasis together: the links and images it
 * makes, in order, and the em and strong elements (those in HTML elements' content too,
 * not those in a link's text, which is a container of its own).
 */
export function scanKramdownSpans(text: DelimitedText, syntax: LinkSyntax, inLink: boolean): ScannedSpans {
  const stops = new LinkStops(syntax, text.length);
  const scan = new EmphasisScan(text, stops);
  const out: ScannedSpans = { links: [], emphasis: [], elements: [] };
  stops.collect(scan, { open: inLink ? LINK : 0, top: OTHER }, 0, text.length, out);
  return out;
}

class LinkStops implements SpanStops {
  /** Per state: the links made at a `[` (their `]` and end). */
  private readonly links = new Map<number, Map<number, { close: number; end: number }>>();
  /** Per set of open elements: the `]` ending a bracket group, plus two (1: none). */
  private readonly groupEnds = new Map<number, Int32Array>();
  /** Per set of open elements: the end tag closing an HTML element, plus two (1: none). */
  private readonly elementCloses = new Map<number, Int32Array>();

  constructor(
    private readonly syntax: LinkSyntax,
    private readonly length: number,
  ) {}

  stopsAt(at: number): boolean {
    const { syntax } = this;
    return syntax.bracketAt(at) !== '' || syntax.elementEnd(at) >= 0 || syntax.elementName(at) !== '' || syntax.endTagName(at) !== '' || syntax.footnoteEnd(at) >= 0;
  }

  /** kramdown's parsers at a stop: an HTML element, a link, or text. */
  parseAt(scan: EmphasisScan, state: State, at: number): number {
    const { syntax } = this;
    const element = syntax.elementEnd(at);
    if (element > at) return element;
    if (syntax.elementName(at)) {
      const close = this.elementClose(scan, state.open, at);
      return close === FAIL ? this.length : syntax.endTagEnd(close);
    }
    // an end tag no element is waiting for is text
    if (syntax.endTagName(at)) return syntax.endTagEnd(at);
    const image = syntax.isImage(at);
    if (syntax.bracketAt(at) !== '[' || (state.open & LINK && !image) || syntax.isFootnote(at)) return at + 1;
    const close = this.textEnd(scan, state.open | LINK, at);
    const end = close === FAIL ? -1 : syntax.linkEnd(at, close, image);
    if (end < 0) return at + 1;
    const key = stateKey(state);
    let made = this.links.get(key);
    if (!made) this.links.set(key, (made = new Map()));
    made.set(at, { close, end });
    return end;
  }

  /**
   * Replays the scan from `from` to `to` in `state`, collecting what it makes, in document
   * order. Iterative: elements left open may nest as deep as the text is long.
   */
  collect(scan: EmphasisScan, state: State, from: number, to: number, out: ScannedSpans): void {
    const frames = [{ state, at: scan.nextStop(from), to }];
    for (let frame = frames.pop(); frame; frame = frames.pop()) {
      const { state: current, to: end } = frame;
      for (let at = frame.at; at < end; ) {
        const next = scan.step(current, at);
        const after = scan.nextStop(Math.min(next, end));
        const link = this.links.get(stateKey(current))?.get(at);
        const found = link ? undefined : scan.foundAt(current, at);
        if (link) out.links.push({ open: at, close: link.close, end: link.end, image: this.syntax.isImage(at) });
        let inner: { state: State; from: number; to: number } | undefined;
        if (found) {
          const kind = found.element === STRONG ? 'strong' : 'emphasis';
          const closeEnd = found.close + found.closeLength;
          out.emphasis.push({ kind, start: at, contentStart: found.contentStart, contentEnd: found.close, end: closeEnd, children: [] });
          inner = { state: { open: current.open | found.element, top: found.element }, from: found.contentStart, to: found.close };
        } else if (!link && this.syntax.elementName(at)) {
          // an HTML element's content: parsed with the elements around it still open
          const close = this.elementClose(scan, current.open, at);
          out.elements.push({ start: at, close: close === FAIL ? this.length : close });
          inner = { state: { open: current.open, top: OTHER }, from: at + 1, to: close === FAIL ? this.length : close };
        }
        if (inner) {
          frames.push({ state: current, at: after, to: end });
          frames.push({ state: inner.state, at: scan.nextStop(inner.from), to: inner.to });
          break;
        }
        at = after;
      }
    }
  }

  /**
   * The end tag closing the HTML element opened at `start`, its content scanned with the
   * elements `open` around it; FAIL when none does (kramdown closes it at the end). An
   * end tag an emphasis or a link took is their text. Nested elements are groups, as in
   * textEnd.
   */
  private elementClose(scan: EmphasisScan, open: number, start: number): number {
    const { syntax, length } = this;
    const state = { open, top: OTHER };
    let closes = this.elementCloses.get(open);
    if (!closes) this.elementCloses.set(open, (closes = new Int32Array(length + 1)));
    if (closes[start]! > 0) return closes[start]! - 2;
    const groups = [start];
    for (let at = scan.nextStop(start + 1); ; ) {
      if (at >= length) {
        for (const group of groups) closes[group] = FAIL + 2;
        return FAIL;
      }
      const name = syntax.endTagName(at);
      if (name && name === syntax.elementName(groups.at(-1)!)) {
        const group = groups.pop()!;
        closes[group] = at + 2;
        if (groups.length === 0) return at;
        at = scan.nextStop(syntax.endTagEnd(at));
      } else if (syntax.elementName(at)) {
        const known = closes[at]! - 2;
        if (known === FAIL) at = length;
        else if (known >= 0) at = scan.nextStop(syntax.endTagEnd(known));
        else {
          groups.push(at);
          at = scan.nextStop(at + 1);
        }
      } else {
        at = scan.nextStop(scan.step(state, at));
      }
    }
  }

  /**
   * The `]` ending the text of the link opened at `start`, scanned with the elements
   * `open` (LINK among them) around it; FAIL when the text does not end. A `[` on the way
   * opens a group that must close first: an image, if it is one, else text whose brackets
   * balance. Iterative, so nested images need no recursion.
   */
  private textEnd(scan: EmphasisScan, open: number, start: number): number {
    const { syntax, length } = this;
    const state = { open, top: OTHER };
    let ends = this.groupEnds.get(open);
    if (!ends) this.groupEnds.set(open, (ends = new Int32Array(length + 1)));
    if (ends[start]! > 0) return ends[start]! - 2;
    const groups = [start];
    // past a group's `]`: after the image it made, else after the `]`
    const pastGroup = (group: number, close: number) => {
      const end = syntax.isImage(group) ? syntax.linkEnd(group, close, true) : -1;
      return scan.nextStop(end > close ? end : close + 1);
    };
    for (let at = scan.nextStop(start + 1); ; ) {
      if (at >= length) {
        for (const group of groups) ends[group] = FAIL + 2;
        return FAIL;
      }
      const bracket = syntax.bracketAt(at);
      const marker = syntax.footnoteEnd(at);
      if (marker > at) {
        groups.push(at);
        at = scan.nextStop(marker);
      } else if (bracket === ']') {
        const group = groups.pop()!;
        ends[group] = at + 2;
        if (groups.length === 0) return at;
        at = pastGroup(group, at);
      } else if (bracket === '[') {
        const known = ends[at]! - 2;
        if (known === FAIL) at = length;
        else if (known >= 0) at = pastGroup(at, known);
        else {
          groups.push(at);
          at = scan.nextStop(at + 1);
        }
      } else {
        at = scan.nextStop(scan.step(state, at));
      }
    }
  }
}
