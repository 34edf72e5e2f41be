import type { Construct, ParseContext, Point, TokenizeContext } from 'micromark-util-types';

// Some kramdown blocks exist only if a closing line comes later (fenced code, block
// extensions). A construct that looks ahead line by line makes micromark feed the lines
// it reads straight to the flow, with no check for new lists or blockquotes; when the
// closing line never comes, those lines have lost their structure. So before looking
// ahead, a construct asks the raw document whether a closing line exists at all.
// The document tokenizer holds the whole input from the start; a container construct
// that never matches reads it once per parse.

const sources = new WeakMap<ParseContext, string>();

const START: Point = { line: 1, column: 1, offset: 0, _index: 0, _bufferIndex: -1 };
const END: Point = { line: 1, column: 1, offset: 0, _index: Number.MAX_SAFE_INTEGER, _bufferIndex: -1 };

export const captureSource: Construct = {
  name: 'kramdownCaptureSource',
  tokenize(effects, ok, nok) {
    const self = this;
    return (code) => {
      if (!sources.has(self.parser)) sources.set(self.parser, serialize(self.sliceStream({ start: START, end: END })));
      return nok(code);
    };
  },
};

/** The whole text this parse reads, once `captureSource` has seen it. */
export function documentSource(context: TokenizeContext): string | undefined {
  return sources.get(context.parser);
}

const CODE_TEXT: Record<number, string> = { [-5]: '\r', [-4]: '\n', [-3]: '\r\n', [-2]: '\t', [-1]: '' };

/** The chunks as text: line endings and tabs as written, virtual spaces and the end marker left out. */
function serialize(chunks: Array<string | number | null>): string {
  let text = '';
  for (const chunk of chunks) {
    if (typeof chunk === 'string') text += chunk;
    else if (chunk !== null) text += CODE_TEXT[chunk] ?? String.fromCharCode(chunk);
  }
  return text;
}

/**
 * Whether some line after the current one matches `pattern` (container prefixes such
 * as `>` and indentation are taken off loosely first). With `container` (what stands
 * before the block on its first line, see containerPrefix), only lines that stay in
 * those containers count: the search ends at a line that leaves them.
 * True when the source is unknown.
 */
export function laterLineMatches(context: TokenizeContext, pattern: RegExp, container?: string): boolean {
  const lines = followingLines(context, container);
  if (lines === undefined) return true;
  for (const inside of lines) {
    if (inside === undefined) return false;
    if (pattern.test(inside)) return true;
  }
  return false;
}

/**
 * The lines after the current one as the containers of `container` (see containerPrefix)
 * see them, or with container prefixes taken off loosely when it is not given; read one
 * by one, so a caller that stops early reads no further. A line that leaves the
 * containers reads as undefined, and is the last. Undefined when the source is unknown.
 */
export function followingLines(context: TokenizeContext, container?: string): Iterable<string | undefined> | undefined {
  const source = sources.get(context.parser);
  if (source === undefined) return undefined;
  return readLines(source, source.indexOf('\n', context.now().offset), container);
}

function* readLines(source: string, lineEnd: number, container: string | undefined): Generator<string | undefined> {
  if (lineEnd < 0) return;
  const within = container === undefined ? undefined : containerReader(container);
  const pattern = /\r?\n|\r/g;
  let start = lineEnd + 1;
  while (start <= source.length) {
    pattern.lastIndex = start;
    const end = pattern.exec(source);
    const line = source.slice(start, end ? end.index : source.length);
    const inside = within ? within(line) : line.replace(/^(?:[ \t]*>)*/, '');
    yield inside;
    if (inside === undefined || !end) return;
    start = end.index + end[0].length;
  }
}

/** The text before `offset` on its line, less the block's own `indent` columns before it. */
export function containerPrefix(context: TokenizeContext, offset: number, indent: number): string | undefined {
  const source = sources.get(context.parser);
  if (source === undefined) return undefined;
  return source.slice(source.lastIndexOf('\n', offset - 1) + 1, Math.max(0, offset - indent));
}

const QUOTE_MARKER = /^[ \t]*> ?/;
const columns = (space: string) => [...space].reduce((width, char) => width + (char === '\t' ? 4 : 1), 0);

// A line that may not go on lazily: a list item, an IAL or an HTML tag line.
const NOT_LAZY = /^ {0,3}(?:[*+-][ \t]|\d+\.[ \t]|\{:|<)/;

/**
 * Reads a line as the containers of `prefix` see it: their `>` markers and indentation
 * taken off. A line short of them stays in only as a lazy line (right after a non-blank
 * line, and no list item, IAL or HTML tag); else undefined: the containers end there.
 */
function containerReader(prefix: string): (line: string) => string | undefined {
  let quotes = 0;
  let rest = prefix;
  for (let marker = QUOTE_MARKER.exec(rest); marker; marker = QUOTE_MARKER.exec(rest)) {
    quotes++;
    rest = rest.slice(marker[0].length);
  }
  const indent = columns(rest);
  let afterBlank = false;
  const outside = (line: string) => (afterBlank || NOT_LAZY.test(line) ? undefined : line.trimStart());
  return (line) => {
    let text = line;
    for (let i = 0; i < quotes; i++) {
      const marker = QUOTE_MARKER.exec(text);
      if (!marker) return text.trim() === '' ? ((afterBlank = true), '') : outside(text);
      text = text.slice(marker[0].length);
    }
    const space = /^[ \t]*/.exec(text)![0];
    const blank = text.trim() === '';
    const inside = blank ? '' : columns(space) >= indent ? text.slice(space.length) : outside(text);
    afterBlank = blank;
    return inside;
  };
}

/** Whether the rest of the current line matches `pattern`. True when the source is unknown. */
export function currentLineMatches(context: TokenizeContext, pattern: RegExp): boolean {
  const rest = restOfCurrentLine(context);
  return rest === undefined || pattern.test(rest);
}

/** The rest of the current line, from where the tokenizer is; undefined when the source is unknown. */
export function restOfCurrentLine(context: TokenizeContext): string | undefined {
  const source = sources.get(context.parser);
  if (source === undefined) return undefined;
  const from = context.now().offset;
  const end = source.indexOf('\n', from);
  return source.slice(from, end < 0 ? undefined : end);
}
