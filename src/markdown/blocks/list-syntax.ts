import type { Code, Construct, Effects, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { blankLine, list } from 'micromark-core-commonmark';
import { nestsTooDeep } from './block-start.js';
import { lineMatching, restOfLine } from './line-lookahead.js';
import { endLazyContent, lazyContentLine } from './container-laziness.js';
import { itemLineMark, LIST_START_LINE, markItemLine, RULE_LINE } from './item-chunks.js';

// kramdown's list items on top of CommonMark's list construct. A marker is `*`, `+`,
// `-`, or digits and a dot (no `1)`), and a space or tab must follow it; a horizontal
// rule line is no item unless it comes right after a line of the list. With `gfm_quirks: paragraph_end` any item ends a paragraph
// (CommonMark lets only "1." and non-empty items interrupt one), so the construct runs
// as if it were not interrupting. CommonMark's `list` is disabled; the continuation
// below is CommonMark's, starting the next item with this construct, and taking in
// kramdown's lazy lines (see container-laziness.ts) and its pieces of an item (see
// item-chunks.ts).

const ITEM_LINE = /^(?:[*+-]|\d+\.)[\t ]/;
const MARKER_START = /[*+\-\d]/;
// Read this far, an item's first line can be no rule, not empty and start no nested list;
// or it is no item line at all.
const FIRST_LINE_SETTLED = /^(?:(?:[*+-]|\d+\.)[\t ]+[^\t {*+\-\d_]|\d*[^\t *+\-\d.]|\d+\.[^\t ]|[*+-][^\t ])/;

const isSpaceCode = (code: Code) => code === 32 || code === -2 || code === -1;

interface ListState {
  /** The line before was blank (no lazy line may follow). */
  kramdownAfterBlank?: boolean;
  /** kramdown's list ended at a line micromark still keeps lazily (an IAL line, say). */
  kramdownEnded?: boolean;
  /** The current item holds a nested list or a blank line (see item-chunks.ts). */
  kramdownNestedListFound?: boolean;
  type?: string;
  marker?: number;
  size?: number;
  initialBlankLine?: boolean;
  furtherBlankLines?: boolean;
  _closeFlow?: boolean;
}

// An item whose first line's text itself starts a list holds a nested list from the start.
const NESTED_LIST_LINE = /^(?:[*+-]|\d+\.)[\t ]+(?:[*+-]|\d+\.)[\t ]/;

// An item whose first line holds nothing (or only an IAL) has its content indented by
// four columns, whatever the marker's width.
const EMPTY_FIRST_LINE = /^(?:[*+-]|\d+\.)[\t ]*(?:\{:(?![\w-]*:|\/)(?:\\\}|[^}])+\})?[\t ]*$/;

/** What an item start needs to know of its first line: all of it learnt in one read. */
interface FirstLine {
  rule: boolean;
  empty: boolean;
  nested: boolean;
}

function readFirstLine(text: string): FirstLine | undefined {
  if (!ITEM_LINE.test(text)) return undefined;
  const empty = EMPTY_FIRST_LINE.test(text);
  return { rule: RULE_LINE.test(text), empty, nested: !empty && NESTED_LIST_LINE.test(text) };
}

/**
 * An item start. A horizontal rule line is no item, except as the next item right after
 * a non-blank line of the list: kramdown looks for a rule there only after a blank line.
 */
const createItemStart = (ruleIsItem: boolean): Tokenizer =>
  function (this: TokenizeContext, effects, ok, nok) {
    return tokenizeItemStart.call(this, effects, ok, nok, ruleIsItem);
  };

function tokenizeItemStart(this: TokenizeContext, effects: Effects, ok: State, nok: State, ruleIsItem: boolean): State {
  const context: TokenizeContext = Object.create(this, { interrupt: { value: undefined } });
  const state = this.containerState as ListState;
  let emptyFirst = false;
  let nestedOnFirstLine = false;
  const started: State = (code) => {
    state.kramdownNestedListFound = nestedOnFirstLine;
    if (emptyFirst) {
      state.size = 4;
      return ok(code);
    }
    return isSpaceCode(code) ? widePrefix(code) : ok(code);
  };
  // kramdown's content starts at the first non-blank character however far from the
  // marker it is (CommonMark takes one space and makes the rest indented code), so the
  // item's lines are indented to that column.
  const widePrefix: State = (code) => {
    effects.enter('kramdownListItemWhitespace');
    const more: State = (next) => {
      if (!isSpaceCode(next)) {
        effects.exit('kramdownListItemWhitespace');
        return ok(next);
      }
      state.size = (state.size ?? 0) + 1;
      effects.consume(next);
      return more;
    };
    return more(code);
  };
  const core = list.tokenize.call(context, effects, started, nok);
  let firstLine: FirstLine | undefined;
  const firstLineLookahead = lineMatching((text) => (firstLine = readFirstLine(text)) !== undefined, { first: MARKER_START, settled: FIRST_LINE_SETTLED });
  const afterFirstLine: State = (code) => {
    if (firstLine!.rule && !ruleIsItem) return nok(code);
    emptyFirst = firstLine!.empty;
    nestedOnFirstLine = firstLine!.nested;
    return core(code);
  };
  return (code) => (nestsTooDeep(this) || itemLineMark(this) === 'lazyListLine' ? nok(code) : effects.check(firstLineLookahead, afterFirstLine, nok)(code));
}

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
    state.kramdownNestedListFound = true;
    state.furtherBlankLines = state.furtherBlankLines || state.initialBlankLine;
    // kramdown adds a blank line to the item as it is: its whitespace stays (a code block's content)
    return ok(code);
  };
  const notBlank: State = (code) => {
    const blankBefore = state.furtherBlankLines;
    lazyAllowed = !state.kramdownAfterBlank;
    state.kramdownAfterBlank = false;
    state.furtherBlankLines = undefined;
    state.initialBlankLine = undefined;
    if (blankBefore || !isSpaceCode(code)) return notInCurrentItem(code);
    return effects.attempt(indent, indented, notInCurrentItem)(code);
  };
  // A line indented to the content that starts a list may begin a new piece of the item.
  const indented: State = (code) => {
    if (state.kramdownNestedListFound) return ok(code);
    return effects.check(listStartRest, newPiece, ok)(code);
  };
  const newPiece: State = (code) => {
    state.kramdownNestedListFound = true;
    markItemLine(self, 'newPiece');
    return ok(code);
  };
  const notInCurrentItem: State = (code) => {
    // Any bullet continues a bullet list for kramdown (CommonMark wants the same one).
    if (state.type === 'listUnordered') state.marker = undefined;
    state._closeFlow = true;
    self.interrupt = undefined;
    return effects.attempt(lazyAllowed ? siblingItemAfterText : siblingItem, ok, lazy)(code);
  };
  // Not a new item: right after a non-blank line, kramdown takes the line, as it is, into the item.
  const lazy: State = (code) => (lazyAllowed ? effects.check(lazyContentLine, lazyOk, endLazyContent(self, effects, ended))(code) : ended(code));
  const ended: State = (code) => {
    state.kramdownEnded = true;
    return nok(code);
  };
  const lazyOk: State = (code) => {
    state._closeFlow = undefined;
    return state.kramdownNestedListFound ? effects.check(listStartRest, lazyListLine, ok)(code) : ok(code);
  };
  const lazyListLine: State = (code) => {
    markItemLine(self, 'lazyListLine');
    return ok(code);
  };
  let lazyAllowed = false;
  if (state.kramdownEnded) return nok;
  // An enclosing item began a new piece here, or moved this lazy line out of reach.
  if (itemLineMark(self)) return nok;
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

/** The rest of the line starts a list (and is no horizontal rule). */
const listStartRest = restOfLine(new RegExp(`^(?!${RULE_LINE.source.slice(1)})${LIST_START_LINE.source.slice(1)}`), { first: / |[*+\-\d]/ });

const blankLines = new WeakMap<object, { line: number; blank: boolean }>();

/** The next item of the list: up to three spaces, then an item start. */
const siblingItem: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    return spaces(effects, effects.attempt(kramdownList, ok, nok), 'linePrefix', 3);
  },
};

/** The same right after a non-blank line of the list, where a rule line is an item too. */
const siblingItemAfterText: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    return spaces(effects, effects.attempt(kramdownListItemAfterText, ok, nok), 'linePrefix', 3);
  },
};

/**
 * Indentation up to the item's content column. kramdown reads an item's lines after its
 * containers took their markers off, with each leading tab four columns wide. micromark
 * sizes a tab by its column in the whole line, so after `> ` a tab is two columns for it:
 * such a narrower tab counts as four here.
 */
const indent: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    const self = this;
    const size = (self.containerState as ListState).size ?? 0;
    let seen = 0;
    // the columns counted before the tab being read (its virtual spaces follow it)
    let tabFrom: number | undefined;
    const inside: State = (code) => {
      if (tabFrom !== undefined && code !== -1) {
        if (tabFrom % 4 === 0) seen = Math.max(seen, tabFrom + 4);
        tabFrom = undefined;
      }
      if (isSpaceCode(code) && seen < size) {
        if (seen === 0) effects.enter('listItemIndent');
        if (code === -2) tabFrom = seen;
        seen++;
        effects.consume(code);
        return inside;
      }
      if (seen > 0) effects.exit('listItemIndent');
      return seen >= size ? ok(code) : nok(code);
    };
    return inside;
  },
};

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownListItemWhitespace: 'kramdownListItemWhitespace';
  }
}

const kramdownListItemAfterText: Construct = { name: 'kramdownList', tokenize: createItemStart(true) };

export const kramdownList: Construct = {
  name: 'kramdownList',
  tokenize: createItemStart(false),
  continuation: { tokenize: tokenizeContinuation },
  exit: list.exit!,
};
