import type { Code, Construct, Effects, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { blankLine, list } from 'micromark-core-commonmark';
import { nestsTooDeep, restOfLine } from './block-start.js';
import { lazyContentLine } from './container-laziness.js';

// kramdown's list items on top of CommonMark's list construct. A marker is `*`, `+`,
// `-`, or digits and a dot (no `1)`), and a space or tab must follow it; a horizontal
// rule line is no item. With `gfm_quirks: paragraph_end` any item ends a paragraph
// (CommonMark lets only "1." and non-empty items interrupt one), so the construct runs
// as if it were not interrupting. CommonMark's `list` is disabled; the continuation
// below is CommonMark's, starting the next item with this construct, and taking in
// kramdown's lazy lines (see container-laziness.ts).

const itemLine = restOfLine(/^(?:[*+-]|\d+\.)[\t ]/);
const ruleLine = restOfLine(/^([*_-])(?:[ \t]*\1){2,}[ \t]*$/);

const isSpaceCode = (code: Code) => code === 32 || code === -2 || code === -1;

interface ListState {
  /** The line before was blank (no lazy line may follow). */
  kramdownAfterBlank?: boolean;
  /** kramdown's list ended at a line micromark still keeps lazily (an IAL line, say). */
  kramdownEnded?: boolean;
  type?: string;
  marker?: number;
  size?: number;
  initialBlankLine?: boolean;
  furtherBlankLines?: boolean;
  _closeFlow?: boolean;
}

// An item whose first line holds nothing (or only an IAL) has its content indented by
// four columns, whatever the marker's width.
const emptyFirstLine = restOfLine(/^(?:[*+-]|\d+\.)[\t ]*(?:\{:(?![\w-]*:|\/)(?:\\\}|[^}])+\})?[\t ]*$/);

const tokenizeItemStart: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const context: TokenizeContext = Object.create(this, { interrupt: { value: undefined } });
  const state = this.containerState as ListState;
  let emptyFirst = false;
  const started: State = (code) => {
    if (emptyFirst) state.size = 4;
    return ok(code);
  };
  const core = list.tokenize.call(context, effects, started, nok);
  const start: State = (code) => effects.check(emptyFirstLine, (next) => ((emptyFirst = true), core(next)), core)(code);
  const notRule: State = (code) => effects.check(ruleLine, nok, start)(code);
  return (code) => (nestsTooDeep(this) ? nok(code) : effects.check(itemLine, notRule, nok)(code));
};

/** Consumes up to `max` columns of whitespace into a `type` token, then goes on with `next`. */
function spaces(effects: Effects, next: State, type: 'linePrefix' | 'listItemIndent', max: number): State {
  let size = 0;
  const inside: State = (code) => {
    if (isSpaceCode(code) && size < max) {
      if (size === 0) effects.enter(type);
      size++;
      effects.consume(code);
      return inside;
    }
    if (size > 0) effects.exit(type);
    return next(code);
  };
  return inside;
}

const tokenizeContinuation: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  const state = self.containerState as ListState;
  state._closeFlow = undefined;
  const onBlank: State = (code) => {
    state.kramdownAfterBlank = true;
    state.furtherBlankLines = state.furtherBlankLines || state.initialBlankLine;
    return spaces(effects, ok, 'listItemIndent', (state.size ?? 0) + 1)(code);
  };
  const notBlank: State = (code) => {
    const blankBefore = state.furtherBlankLines;
    lazyAllowed = !state.kramdownAfterBlank;
    state.kramdownAfterBlank = false;
    state.furtherBlankLines = undefined;
    state.initialBlankLine = undefined;
    if (blankBefore || !isSpaceCode(code)) return notInCurrentItem(code);
    return effects.attempt(indent, ok, notInCurrentItem)(code);
  };
  const notInCurrentItem: State = (code) => {
    // Any bullet continues a bullet list for kramdown (CommonMark wants the same one).
    if (state.type === 'listUnordered') state.marker = undefined;
    state._closeFlow = true;
    self.interrupt = undefined;
    return spaces(effects, effects.attempt(kramdownList, ok, lazy), 'linePrefix', 3)(code);
  };
  // Not a new item: right after a non-blank line, kramdown takes the line into the item.
  const lazy: State = (code) => (lazyAllowed ? effects.check(lazyContentLine, lazyOk, ended)(code) : ended(code));
  const ended: State = (code) => {
    state.kramdownEnded = true;
    return nok(code);
  };
  const lazyOk: State = (code) => {
    state._closeFlow = undefined;
    return ok(code);
  };
  let lazyAllowed = false;
  if (state.kramdownEnded) return nok;
  // Every open list asks whether the line is blank; in deep nesting the answer is
  // reused rather than scanning the line's whitespace once per list.
  const line = self.now().line;
  const known = blankLines.get(self.parser);
  if (known?.line === line) return known.blank ? onBlank : notBlank;
  const remember =
    (blank: boolean): State =>
    (code) => {
      blankLines.set(self.parser, { line, blank });
      return (blank ? onBlank : notBlank)(code);
    };
  return effects.check(blankLine, remember(true), remember(false));
};

const blankLines = new WeakMap<object, { line: number; blank: boolean }>();

/** Indentation up to the item's content column. */
const indent: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    const self = this;
    const size = (self.containerState as ListState).size ?? 0;
    let seen = 0;
    const inside: State = (code) => {
      if (isSpaceCode(code) && seen < size) {
        if (seen === 0) effects.enter('listItemIndent');
        seen++;
        effects.consume(code);
        return inside;
      }
      if (seen > 0) effects.exit('listItemIndent');
      return seen === size ? ok(code) : nok(code);
    };
    return inside;
  },
};

export const kramdownList: Construct = {
  name: 'kramdownList',
  tokenize: tokenizeItemStart,
  continuation: { tokenize: tokenizeContinuation },
  exit: list.exit!,
};
