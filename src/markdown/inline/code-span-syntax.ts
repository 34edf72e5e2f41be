import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

// kramdown's code spans, as a micromark construct in place of CommonMark's. A run of n
// backticks opens a span that ends at the next n backticks, even inside a longer run
// (`` `a`` `` is a span `a` and a backtick); the content is kept as written. A single
// backtick with whitespace (or the start) before and whitespace after is a plain
// backtick, and a run with no closer is plain text as a whole.

const BACKTICK = 96;

const isLineEnding = (code: Code) => code !== null && code < -2;
// Ruby's \s: space, tab, line endings, vertical tab, form feed (and micromark's virtual spaces)
const isWhitespace = (code: Code) => code !== null && (code < 0 || code === 32 || code === 9 || code === 11 || code === 12);

const codeSpan: Construct = { name: 'kramdownCodeSpan', tokenize: tokenizeCodeSpan, partial: true };

const kramdownCodeText: Construct = { name: 'kramdownCodeText', tokenize: tokenizeCodeText };

/** micromark extension: kramdown's code spans instead of CommonMark's. */
export const kramdownCodeSpanSyntax: Extension = {
  disable: { null: ['codeText'] },
  text: { [BACKTICK]: kramdownCodeText },
};

function tokenizeCodeText(this: TokenizeContext, effects: Effects, ok: State): State {
  return (code) => effects.attempt(codeSpan, ok, plainRun)(code);

  // no code span here: the whole run of backticks is text
  function plainRun(code: Code): State | undefined {
    effects.enter('data');
    return more(code);
  }

  function more(code: Code): State | undefined {
    if (code === BACKTICK) {
      effects.consume(code);
      return more;
    }
    effects.exit('data');
    return ok(code);
  }
}

function tokenizeCodeSpan(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const before = this.previous;
  let size = 0;
  const closing: Construct = { tokenize: tokenizeClosing, partial: true };
  return start;

  function start(code: Code): State | undefined {
    effects.enter('codeText');
    effects.enter('codeTextSequence');
    return opening(code);
  }

  function opening(code: Code): State | undefined {
    if (code === BACKTICK) {
      effects.consume(code);
      size++;
      return opening;
    }
    effects.exit('codeTextSequence');
    if (size === 1 && (before === null || isWhitespace(before)) && isWhitespace(code)) return nok(code);
    return between(code);
  }

  function between(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (code === BACKTICK) return effects.attempt(closing, done, data)(code);
    if (isLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return between;
    }
    return data(code);
  }

  // one character (a backtick that did not close, too), then up to the next backtick or line
  function data(code: Code): State | undefined {
    effects.enter('codeTextData');
    effects.consume(code);
    return dataRest;
  }

  function dataRest(code: Code): State | undefined {
    if (code === null || code === BACKTICK || isLineEnding(code)) {
      effects.exit('codeTextData');
      return between(code);
    }
    effects.consume(code);
    return dataRest;
  }

  function done(code: Code): State | undefined {
    effects.exit('codeText');
    return ok(code);
  }

  function tokenizeClosing(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let seen = 0;
    return (code) => {
      effects.enter('codeTextSequence');
      return sequence(code);
    };

    function sequence(code: Code): State | undefined {
      if (seen === size) {
        effects.exit('codeTextSequence');
        return ok(code);
      }
      if (code !== BACKTICK) return nok(code);
      effects.consume(code);
      seen++;
      return sequence;
    }
  }
}
