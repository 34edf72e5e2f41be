import type { Code, Construct, Effects, State } from 'micromark-util-types';

// Small partial constructs the kramdown block constructs share to look at lines: the
// rest of the current line, and the next line as long as it stays in the same
// containers (micromark marks a line that did not continue every open container as
// "lazy"; a block that kramdown reads inside its container must not take such a line).

/** Consumes a line ending as its own token (micromark splits linked chunks at these). */
export function consumeLineEnding(effects: Effects, code: Code): void {
  effects.enter('lineEnding');
  effects.consume(code);
  effects.exit('lineEnding');
}

/**
 * Consumes the characters of a span that may run over several lines: the text of each
 * line in a `kramdownSpanData` token, line endings in tokens of their own. micromark
 * splits a paragraph's events back into its lines at those line endings, and wants
 * every line's part in a token. Call `close` before exiting the span.
 */
export function multiLineSpan(effects: Effects): { consume(code: Code): void; close(): void } {
  let open = false;
  const close = () => {
    if (open) effects.exit('kramdownSpanData');
    open = false;
  };
  return {
    consume(code) {
      if (code !== null && code < -2) {
        close();
        consumeLineEnding(effects, code);
        return;
      }
      if (!open) effects.enter('kramdownSpanData');
      open = true;
      effects.consume(code);
    },
    close,
  };
}

/** Ways a line lookahead can stop before the end of the line (they run at many line starts). */
export interface LineHints {
  /** The characters a line it accepts can start with: any other non-empty line fails at once, unread. */
  first?: RegExp;
  /**
   * The text read so far settles the judgement: the rest of the line cannot change it. Only
   * for lookaheads used in `effects.check`, since the rest of the line is left unconsumed.
   */
  settled?: RegExp;
}

/**
 * A partial construct that reads the rest of the line (consuming it) and succeeds when `judge`
 * accepts its text (see LineHints for the shortcuts).
 */
export function lineMatching(judge: (text: string) => boolean, { first, settled }: LineHints = {}): Construct {
  return {
    partial: true,
    tokenize(effects, ok, nok) {
      let text = '';
      let open = false;
      const inside: State = (code) => {
        if (code === null || code < -2) {
          if (open) effects.exit('kramdownLookahead');
          return judge(text) ? ok(code) : nok(code);
        }
        // (a tab's virtual spaces, -1, add nothing to the text)
        if (first && text === '' && code !== -1 && !first.test(code === -2 ? '\t' : String.fromCodePoint(code))) {
          if (open) effects.exit('kramdownLookahead');
          return nok(code);
        }
        if (!open) effects.enter('kramdownLookahead');
        open = true;
        effects.consume(code);
        if (code !== -1) text += code === -2 ? '\t' : String.fromCodePoint(code);
        if (settled?.test(text)) {
          effects.exit('kramdownLookahead');
          return judge(text) ? ok : nok;
        }
        return inside;
      };
      return inside;
    },
  };
}

/** A partial construct that succeeds when the rest of the line matches `pattern` (consuming it). */
export function restOfLine(pattern: RegExp, hints?: LineHints): Construct {
  return lineMatching((text) => pattern.test(text), hints);
}

/**
 * From a line ending: succeeds when the next line continues the current containers
 * (and, given `then`, when that construct also succeeds at the next line's start).
 */
export function nextLineInContainers(then?: Construct): Construct {
  return {
    partial: true,
    tokenize(effects, ok, nok) {
      const self = this;
      return (code) => {
        if (code === null) return nok(code);
        consumeLineEnding(effects, code);
        return (next: Code) => {
          if (self.parser.lazy[self.now().line]) return nok(next);
          return then ? effects.check(then, ok, nok)(next) : ok(next);
        };
      };
    },
  };
}

/** The next line continues the current containers. */
export const nonLazyLineEnding = nextLineInContainers();

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownLookahead: 'kramdownLookahead';
    kramdownSpanData: 'kramdownSpanData';
  }
}
