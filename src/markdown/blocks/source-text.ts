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
 * as `>` and indentation are taken off loosely first). True when the source is unknown.
 */
export function laterLineMatches(context: TokenizeContext, pattern: RegExp): boolean {
  const source = sources.get(context.parser);
  if (source === undefined) return true;
  const lineEnd = source.indexOf('\n', context.now().offset);
  if (lineEnd < 0) return false;
  for (const line of source.slice(lineEnd + 1).split(/\r?\n|\r/)) {
    if (pattern.test(line.replace(/^(?:[ \t]*>)*/, ''))) return true;
  }
  return false;
}

/** Whether the rest of the current line matches `pattern`. True when the source is unknown. */
export function currentLineMatches(context: TokenizeContext, pattern: RegExp): boolean {
  const source = sources.get(context.parser);
  if (source === undefined) return true;
  const from = context.now().offset;
  const end = source.indexOf('\n', from);
  return pattern.test(source.slice(from, end < 0 ? undefined : end));
}
