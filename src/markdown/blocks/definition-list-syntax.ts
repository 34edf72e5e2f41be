import type { Code, Construct, ContainerState, Event, ParseContext, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { blankLine } from 'micromark-core-commonmark';
import { ATTRIBUTE_LIST_LINE, nestsTooDeep, previousLineIsAttributeList } from './block-start.js';
import { restOfLine } from './line-lookahead.js';
import { forbidLazyContinuation } from './lazy-lines.js';
import { itemLineMark } from './item-chunks.js';

// kramdown's definitions: a line starting (after up to three spaces) with `:` and a
// space, tab or `|` opens a definition whose content is indented to where its text
// starts (four columns when the line is otherwise empty). It is a container like a list
// item: indented lines, blank lines and lazy paragraph lines continue it, and a new `:`
// line starts the next definition of the same list. The first definition needs a
// paragraph right before it (its lines become the terms), directly or after exactly
// one empty line; the tree step (definition-list-tree.ts) turns that paragraph into
// terms and groups the definitions into a list.

const COLON = 58;
const PIPE = 124;
const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const isSpaceCode = (code: Code) => code === 32 || code === -2 || code === -1;

interface DefinitionState extends ContainerState {
  size?: number;
}

/**
 * Lines where a definition may start: a sibling definition closed there, or the line
 * was judged once already (micromark checks for a container, closes the paragraph,
 * then tries again; the answer must not change in between).
 */
const approvedStarts = new WeakMap<ParseContext, Set<number>>();

function approve(context: TokenizeContext): void {
  let lines = approvedStarts.get(context.parser);
  if (!lines) approvedStarts.set(context.parser, (lines = new Set()));
  lines.add(context.now().line);
}

const ITEM_ATTRIBUTES = /^\{:(?!(?:[A-Za-z0-9_][\w-]*)?:|\/)(?:\\\}|[^}])+\}[ \t]*/;
const attributesOnly = restOfLine(/^\{:(?!(?:[A-Za-z0-9_][\w-]*)?:|\/)(?:\\\}|[^}])+\}[ \t]*$/);
const attributeLine = restOfLine(ATTRIBUTE_LIST_LINE);

const tokenizeStart: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  const state = self.containerState as DefinitionState;
  const tail = self.events.at(-1);
  const indent = tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
  let spaces = 0;

  const start: State = (code) => {
    if (code !== COLON || nestsTooDeep(self) || !mayStartDefinition(self)) return nok(code);
    effects.enter('kramdownDefinition', { _container: true });
    effects.enter('kramdownDefinitionMarker');
    effects.consume(code);
    effects.exit('kramdownDefinitionMarker');
    return afterMarker;
  };
  const afterMarker: State = (code) => {
    if (isSpaceCode(code)) {
      effects.enter('kramdownDefinitionWhitespace');
      return whitespace(code);
    }
    return code === PIPE ? content(code) : nok(code);
  };
  const whitespace: State = (code) => {
    if (isSpaceCode(code)) {
      spaces++;
      effects.consume(code);
      return whitespace;
    }
    effects.exit('kramdownDefinitionWhitespace');
    return content(code);
  };
  // Content is indented to its first character; a line holding nothing or only an
  // IAL indents it by four.
  const content: State = (code) => {
    if (code === null || code < -2) return done(4)(code);
    return effects.check(attributesOnly, done(4), done(indent + 1 + spaces))(code);
  };
  const done =
    (size: number): State =>
    (code) => {
      state.size = size;
      return code === LEFT_BRACE ? effects.attempt(itemAttributes, ok, ok)(code) : ok(code);
    };
  return start;
};

/** An IAL at the start of the definition's first line applies to the definition. */
const itemAttributes: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    let text = '';
    const inside: State = (code) => {
      if (code === null || code < -2) return nok(code);
      text += code === -2 ? '\t' : code === -1 ? '' : String.fromCodePoint(code);
      effects.consume(code);
      if (code !== RIGHT_BRACE || text.endsWith('\\}')) return inside;
      if (!ITEM_ATTRIBUTES.test(text)) return nok;
      effects.exit('kramdownDefinitionAttributes');
      return trailing;
    };
    const trailing: State = (code) => {
      if (!isSpaceCode(code)) return ok(code);
      effects.enter('kramdownDefinitionWhitespace');
      const more: State = (next) => {
        if (isSpaceCode(next)) {
          effects.consume(next);
          return more;
        }
        effects.exit('kramdownDefinitionWhitespace');
        return ok(next);
      };
      return more(code);
    };
    return (code) => {
      effects.enter('kramdownDefinitionAttributes');
      return inside(code);
    };
  },
};

const tokenizeContinuation: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  const size = (self.containerState as DefinitionState).size ?? 2;
  let columns = 0;
  // An enclosing list item began a new piece here (see item-chunks.ts).
  if (itemLineMark(self) === 'newPiece') return nok;
  const indented: State = (code) => {
    if (columns < size && isSpaceCode(code)) {
      if (columns === 0) effects.enter('kramdownDefinitionIndent');
      columns++;
      effects.consume(code);
      return indented;
    }
    if (columns > 0) effects.exit('kramdownDefinitionIndent');
    if (columns === size) return ok(code);
    if (code === COLON && columns < Math.min(size, 4)) {
      approve(self);
      return nok(code);
    }
    return effects.check(attributeLine, strict, nok)(code);
  };
  // kramdown does not let an attribute list line continue a definition lazily.
  const strict: State = (code) => {
    forbidLazyContinuation(self);
    return nok(code);
  };
  return effects.check(blankLine, ok, indented);
};

/** A paragraph right before (or before one empty line), or a sibling definition that just closed. */
function mayStartDefinition(context: TokenizeContext): boolean {
  if (approvedStarts.get(context.parser)?.has(context.now().line)) return true;
  const flowEvents = lastFlowEvents(context.events);
  if (!flowEvents) return false;
  // After an attribute list line kramdown has closed the paragraph: no terms.
  const allowed = context.interrupt ? !previousLineIsAttributeList(context) && openParagraph(flowEvents) : paragraphBeforeOneEmptyLine(flowEvents);
  if (allowed) approve(context);
  return allowed;
}

function lastFlowEvents(events: Event[]): Event[] | undefined {
  for (let index = events.length - 1; index >= 0; index--) {
    const token = events[index]![1];
    if (token.type === 'chunkFlow') return token._tokenizer?.events;
  }
  return undefined;
}

function openParagraph(events: Event[]): boolean {
  for (let index = events.length - 1; index >= 0; index--) {
    const [kind, token] = events[index]!;
    if (token.type === 'content') return kind === 'enter';
  }
  return false;
}

function paragraphBeforeOneEmptyLine(events: Event[]): boolean {
  let blankLines = 0;
  for (let index = events.length - 1; index >= 0; index--) {
    const [kind, token] = events[index]!;
    if (token.type === 'lineEndingBlank') {
      if (kind === 'exit') blankLines++;
    } else if (token.type === 'linePrefix') {
      // A blank line holding spaces or tabs is not the empty line kramdown asks for.
      if (blankLines > 0) return false;
    } else if (token.type !== 'lineEnding') {
      return kind === 'exit' && token.type === 'content' && blankLines === 1;
    }
  }
  return false;
}

export const kramdownDefinition: Construct = {
  name: 'kramdownDefinition',
  tokenize: tokenizeStart,
  continuation: { tokenize: tokenizeContinuation },
  exit(effects) {
    effects.exit('kramdownDefinition');
  },
};

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownDefinition: 'kramdownDefinition';
    kramdownDefinitionMarker: 'kramdownDefinitionMarker';
    kramdownDefinitionWhitespace: 'kramdownDefinitionWhitespace';
    kramdownDefinitionIndent: 'kramdownDefinitionIndent';
    kramdownDefinitionAttributes: 'kramdownDefinitionAttributes';
  }
}
