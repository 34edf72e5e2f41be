import type { Code, Construct, ContainerState, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { mayStartBlock, nestsTooDeep } from './block-start.js';
import { blankLine } from 'micromark-core-commonmark';
import { forbidLazyContinuation } from './lazy-lines.js';
import { itemLineMark } from './item-chunks.js';

// kramdown's footnote definitions, `[^name]: text`, in place of GFM's. The name is a
// word character followed by word characters and dashes (ASCII, as Ruby's \w), and it
// is case-sensitive. The definition takes the rest of its line, then lines indented by
// four columns (blank lines may come between); an unindented line right after the
// first line, or after a blank line, ends it, and only a line after an indented one may
// continue a paragraph lazily. A definition does not interrupt a paragraph.
// The tokens are those of micromark-extension-gfm-footnote, so mdast-util-gfm-footnote
// builds the usual `footnoteDefinition` nodes.

const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const CARET = 94;
const COLON = 58;
const DASH = 45;

const isWordCode = (code: Code) =>
  code !== null && ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95);
const isSpaceCode = (code: Code) => code === 32 || code === -2 || code === -1;

interface FootnoteState extends ContainerState {
  /** The line before was indented, so a lazy line may follow. */
  kramdownLazyAllowed?: boolean;
}

const tokenizeDefinitionStart: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  const parser = self.parser as typeof self.parser & { gfmFootnotes?: string[] };
  const defined = (parser.gfmFootnotes ??= []);
  let name = '';

  const start: State = (code) => {
    if (code !== LEFT_BRACKET || nestsTooDeep(self) || !mayStartBlock(self)) return nok(code);
    effects.enter('gfmFootnoteDefinition')._container = true;
    effects.enter('gfmFootnoteDefinitionLabel');
    effects.enter('gfmFootnoteDefinitionLabelMarker');
    effects.consume(code);
    effects.exit('gfmFootnoteDefinitionLabelMarker');
    return caret;
  };
  const caret: State = (code) => {
    if (code !== CARET) return nok(code);
    effects.enter('gfmFootnoteDefinitionMarker');
    effects.consume(code);
    effects.exit('gfmFootnoteDefinitionMarker');
    return firstNameChar;
  };
  const firstNameChar: State = (code) => {
    if (!isWordCode(code)) return nok(code);
    effects.enter('gfmFootnoteDefinitionLabelString');
    effects.enter('chunkString', { contentType: 'string' });
    return nameChar(code);
  };
  const nameChar: State = (code) => {
    if (isWordCode(code) || code === DASH) {
      name += String.fromCharCode(code!);
      effects.consume(code);
      return nameChar;
    }
    if (code !== RIGHT_BRACKET) return nok(code);
    effects.exit('chunkString');
    effects.exit('gfmFootnoteDefinitionLabelString');
    effects.enter('gfmFootnoteDefinitionLabelMarker');
    effects.consume(code);
    effects.exit('gfmFootnoteDefinitionLabelMarker');
    effects.exit('gfmFootnoteDefinitionLabel');
    return colon;
  };
  const colon: State = (code) => {
    if (code !== COLON) return nok(code);
    effects.enter('definitionMarker');
    effects.consume(code);
    effects.exit('definitionMarker');
    // Calls are matched case-insensitively by micromark; the tree step applies
    // kramdown's exact-name rule.
    const identifier = name.toLowerCase().toUpperCase();
    if (!defined.includes(identifier)) defined.push(identifier);
    return isSpaceCode(code) ? whitespace : ok;
  };
  const whitespace: State = (code) => {
    if (!isSpaceCode(code)) {
      return ok(code);
    }
    effects.enter('gfmFootnoteDefinitionWhitespace');
    const more: State = (next) => {
      if (isSpaceCode(next)) {
        effects.consume(next);
        return more;
      }
      effects.exit('gfmFootnoteDefinitionWhitespace');
      return ok(next);
    };
    return more(code);
  };
  return start;
};

const tokenizeContinuation: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  const state = self.containerState as FootnoteState;
  // An enclosing list item began a new piece here (see item-chunks.ts).
  if (itemLineMark(self) === 'newPiece') return nok;
  const onBlank: State = (code) => {
    state.kramdownLazyAllowed = false;
    return ok(code);
  };
  const onIndented: State = (code) => {
    state.kramdownLazyAllowed = true;
    return ok(code);
  };
  const onOther: State = (code) => {
    if (!state.kramdownLazyAllowed) forbidLazyContinuation(self);
    return nok(code);
  };
  return effects.check(blankLine, onBlank, effects.attempt(indentOfFour, onIndented, onOther));
};

/** Exactly four columns of indentation (a tab counts to the next tab stop). */
const indentOfFour: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    let size = 0;
    const inside: State = (code) => {
      if (size < 4 && isSpaceCode(code)) {
        if (size === 0) effects.enter('gfmFootnoteDefinitionIndent');
        size++;
        effects.consume(code);
        return inside;
      }
      if (size < 4) return nok(code);
      effects.exit('gfmFootnoteDefinitionIndent');
      return ok(code);
    };
    return inside;
  },
};

export const kramdownFootnoteDefinition: Construct = {
  name: 'kramdownFootnoteDefinition',
  tokenize: tokenizeDefinitionStart,
  continuation: { tokenize: tokenizeContinuation },
  exit(effects) {
    effects.exit('gfmFootnoteDefinition');
  },
};
