// kramdown matches a block's start tag against the rest of the document, not one line:
// whitespace between attributes, and quoted values, may run over several lines (blank
// ones too), so `<iframe src="…"⏎  width="610" allowfullscreen>` opens an HTML block.
// A line-by-line tokenizer cannot tell from the first line alone; this follows the tag
// character by character, line after line, and says whether it is finished, may still
// be, or can no longer be a start tag. Each attribute is matched atomically, as in
// kramdown's pattern: a quoted value ends at its first closing quote. Before a block
// reads on over more lines, the raw document tells whether the tag completes at all
// (see source-text.ts for why a construct must not read lines it then gives back).

export type StartTagPrefix = 'complete' | 'partial' | 'invalid';

const enum State {
  NameStart,
  Name,
  /** After whitespace: an attribute, `/>` or `>` may follow. */
  Space,
  AttributeName,
  /** Whitespace after an attribute's name: `=` may still follow. */
  AttributeSpace,
  /** After `=` (and any whitespace): the value must follow. */
  Equals,
  Unquoted,
  DoubleQuoted,
  SingleQuoted,
  /** Just after a quoted value's closing quote. */
  Closed,
  Slash,
  Done,
  Failed,
}

const NAME_START = /[A-Za-z_:]/;
const NAME_CHAR = /[\w:.-]/;
const SPACE = /\s/;
const WORD = /[\p{L}\p{N}_]/u;

/** Where a start tag read so far stands, to read on when its text grows. */
export interface StartTagProgress {
  position: number;
  state: number;
}

export const startTagProgress = (): StartTagProgress => ({ position: 1, state: State.NameStart });

/**
 * Reads `text` (which starts with `<`) on from where `progress` stopped: whether it
 * starts with a complete start tag, or still may once more text comes.
 */
export function readStartTagPrefix(text: string, progress: StartTagProgress): StartTagPrefix {
  let { state, position } = progress;
  while (position < text.length && state !== State.Done && state !== State.Failed) {
    state = step(state, text[position]!);
    position++;
  }
  progress.state = state;
  progress.position = position;
  return state === State.Done ? 'complete' : state === State.Failed ? 'invalid' : 'partial';
}

function step(state: State, char: string): State {
  switch (state) {
    case State.NameStart:
      return NAME_START.test(char) ? State.Name : State.Failed;
    case State.Name:
      return NAME_CHAR.test(char) ? State.Name : afterToken(char, false);
    case State.Space:
      return afterToken(char, true);
    case State.AttributeName:
      if (NAME_CHAR.test(char)) return State.AttributeName;
      return char === '=' ? State.Equals : SPACE.test(char) ? State.AttributeSpace : afterToken(char, false);
    case State.AttributeSpace:
      return char === '=' ? State.Equals : afterToken(char, true);
    case State.Equals:
      if (SPACE.test(char)) return State.Equals;
      if (char === '"') return State.DoubleQuoted;
      if (char === "'") return State.SingleQuoted;
      return WORD.test(char) ? State.Unquoted : State.Failed;
    case State.Unquoted:
      return WORD.test(char) ? State.Unquoted : afterToken(char, false);
    case State.DoubleQuoted:
      return char === '"' ? State.Closed : State.DoubleQuoted;
    case State.SingleQuoted:
      return char === "'" ? State.Closed : State.SingleQuoted;
    case State.Closed:
      return afterToken(char, false);
    case State.Slash:
      return char === '>' ? State.Done : State.Failed;
    default:
      return state;
  }
}

/** After a name or value: whitespace, `/` or `>`; a new attribute only after whitespace. */
function afterToken(char: string, spaced: boolean): State {
  if (SPACE.test(char)) return State.Space;
  if (char === '/') return State.Slash;
  if (char === '>') return State.Done;
  return spaced && NAME_START.test(char) ? State.AttributeName : State.Failed;
}

/**
 * Whether the start tag at `from` in the raw document completes, over as many lines as
 * it takes (as many `>` markers as stand before the tag are taken off each line first).
 */
export function startTagCompletes(source: string, from: number): boolean {
  const progress = startTagProgress();
  const quotes = (source.slice(source.lastIndexOf('\n', from - 1) + 1, from).match(/>/g) ?? []).length;
  const markers = new RegExp(`^(?:[ \\t]*>){0,${quotes}}`);
  let text = '';
  let lineStart = from;
  for (;;) {
    const newline = source.indexOf('\n', lineStart);
    const line = source.slice(lineStart, newline < 0 ? source.length : newline);
    text += lineStart === from ? line : line.replace(markers, '');
    const state = readStartTagPrefix(text, progress);
    if (state !== 'partial') return state === 'complete';
    if (newline < 0) return false;
    text += '\n';
    lineStart = newline + 1;
  }
}
