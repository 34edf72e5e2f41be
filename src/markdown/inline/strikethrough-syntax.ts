import type { Code, Construct, Effects, Extension, State, Token, TokenizeContext } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token as MdastToken } from 'mdast-util-from-markdown';

// kramdown-parser-gfm's strikethrough is a pattern on the raw text, not GFM's delimiter
// runs: at `~~` not followed by whitespace or `~`, it takes everything up to the first
// `~~` that follows a character other than whitespace or `~` (across lines, within the
// paragraph), and parses that text on its own. So a code span or HTML tag starting inside
// ends where the strikethrough does (`~~a `x~~` b~~` strikes "a `x"), there is no single
// `~`, and `~~~x~~~` is a `~`, a struck "x" and a `~`.
//
// The content goes to a nested text tokenizer (micromark re-tokenizes `chunkText`
// tokens), one chunk per line so positions skip container prefixes as a paragraph's do.

const TILDE = 126;

// Ruby's \s: space, tab, line endings, vertical tab, form feed (and micromark's virtual spaces)
const isWhitespace = (code: Code) => code !== null && (code < 0 || code === 32 || code === 9 || code === 11 || code === 12);

/**
 * Per text tokenizer: the offset from which no closing `~~` is left (a failed scan from
 * one `~~` reached the end, so any later one would too). Keeps runs of unclosed `~~` linear.
 */
const noCloserFrom = new WeakMap<TokenizeContext, number>();

const strikethrough: Construct = { name: 'kramdownStrikethrough', tokenize: tokenizeStrikethrough };

/** micromark extension: kramdown's strikethrough instead of GFM's. */
export const kramdownStrikethroughSyntax: Extension = {
  disable: { null: ['strikethrough'] },
  text: { [TILDE]: strikethrough },
};

function tokenizeStrikethrough(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let closeAt = -1;
  const findCloser: Construct = { tokenize: tokenizeFindCloser, partial: true };
  let previousChunk: Token | undefined;

  return (code) => {
    const failedFrom = noCloserFrom.get(self);
    if (code !== TILDE || (failedFrom !== undefined && self.now().offset >= failedFrom)) return nok(code);
    return effects.check(findCloser, open, nok)(code);
  };

  function open(code: Code): State | undefined {
    effects.enter('kramdownStrikethrough');
    effects.enter('kramdownStrikethroughSequence');
    effects.consume(code);
    return (second) => {
      effects.consume(second);
      effects.exit('kramdownStrikethroughSequence');
      return lineStart;
    };
  }

  function lineStart(code: Code): State | undefined {
    const chunk = effects.enter('chunkText', { contentType: 'text', previous: previousChunk });
    if (previousChunk) previousChunk.next = chunk;
    previousChunk = chunk;
    return content(code);
  }

  function content(code: Code): State | undefined {
    if (self.now().offset === closeAt) {
      effects.exit('chunkText');
      effects.enter('kramdownStrikethroughSequence');
      effects.consume(code);
      return closing;
    }
    effects.consume(code);
    if (code !== null && code < -2) {
      effects.exit('chunkText');
      return lineStart;
    }
    return content;
  }

  function closing(code: Code): State | undefined {
    effects.consume(code);
    effects.exit('kramdownStrikethroughSequence');
    effects.exit('kramdownStrikethrough');
    return ok;
  }

  // Looks for the closing `~~` (consuming up to it) and remembers where it starts.
  function tokenizeFindCloser(effects: Effects, ok: State, nok: State): State {
    const start = self.now().offset;
    let tildes = 0;
    let mayClose = false;
    const fail = (code: Code) => {
      noCloserFrom.set(self, Math.min(start, noCloserFrom.get(self) ?? start));
      return nok(code);
    };
    const scan: State = (code) => {
      if (code === null) return fail(code);
      if (code === TILDE && mayClose) {
        closeAt = self.now().offset;
        effects.consume(code);
        return afterTilde;
      }
      effects.consume(code);
      mayClose = code !== TILDE && !isWhitespace(code);
      return scan;
    };
    const afterTilde: State = (code) => {
      if (code === TILDE) {
        effects.exit('kramdownLookahead');
        return ok(code);
      }
      mayClose = false;
      return scan(code);
    };
    return (code) => {
      effects.enter('kramdownLookahead');
      return opening(code);
    };
    function opening(code: Code): State | undefined {
      if (tildes < 2) {
        if (code !== TILDE) return nok(code);
        tildes++;
        effects.consume(code);
        return opening;
      }
      // the content starts with neither whitespace nor `~`
      if (code === null || code === TILDE || isWhitespace(code)) return nok(code);
      return scan(code);
    }
  }
}

export const kramdownStrikethroughFromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownStrikethrough(this: CompileContext, token: MdastToken) {
      this.enter({ type: 'delete', children: [] }, token);
    },
  },
  exit: {
    kramdownStrikethrough(this: CompileContext, token: MdastToken) {
      this.exit(token);
    },
  },
};

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownStrikethrough: 'kramdownStrikethrough';
    kramdownStrikethroughSequence: 'kramdownStrikethroughSequence';
  }
}
