import type { Construct, State } from 'micromark-util-types';
import type { Text } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';

// kramdown joins a paragraph's lines as they are: it takes off the containers' markers and
// indentation, but whitespace at the end of a line and at the start of the next stays in
// the text (an image's alt text shows it, `![a \n  b](x)` has the alt `a \n  b`).
// CommonMark drops both: micromark makes the spaces after a line ending a line prefix and
// those before it a line suffix, and neither becomes text. Here the spaces after a line
// ending get a token of their own, and both become text again, except at the end of the
// paragraph (kramdown strips that) and before a hard break.

/** A line ending inside text, and the spaces or tabs that start the next line. */
export const kramdownLineEnding: Construct = {
  name: 'kramdownLineEnding',
  tokenize(effects, ok) {
    const indent: State = (code) => {
      if (code !== 32 && code !== -2 && code !== -1) return ok(code);
      effects.enter('kramdownLineIndent');
      return more(code);
    };
    const more: State = (code) => {
      if (code === 32 || code === -2 || code === -1) {
        effects.consume(code);
        return more;
      }
      effects.exit('kramdownLineIndent');
      return ok(code);
    };
    return (code) => {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return indent;
    };
  },
};

interface LineWhitespaceData {
  /** The trailing whitespace of the line before, kept until its line ending shows it was not the last line. */
  kramdownLineSuffix?: { token: Token; value: string };
}

/** Adds `value` (the text of `token`) to the text of the phrasing parent on top of the stack, as a line ending is. */
function addText(context: CompileContext, value: string, token: Token): void {
  const parent = context.stack[context.stack.length - 1];
  if (!parent || !('children' in parent) || !context.config.canContainEols.includes(parent.type)) return;
  // A header is one line whose text kramdown strips (a setext header's ends before its underline).
  if (parent.type === 'heading') return;
  const end = { line: token.end.line, column: token.end.column, offset: token.end.offset };
  const tail = parent.children[parent.children.length - 1];
  if (tail && tail.type === 'text' && tail.position) {
    tail.value += value;
    tail.position.end = end;
    return;
  }
  const start = { line: token.start.line, column: token.start.column, offset: token.start.offset };
  (parent.children as Text[]).push({ type: 'text', value, position: { start, end } });
}

/**
 * The text of a line suffix. micromark never reads these back, and when the suffix is
 * all of a piece of text (spaces after a code span, say) its start is not a real place
 * in the chunks: then it is read back from its end, or taken as spaces.
 */
function suffixText(context: CompileContext, token: Token): string {
  const size = token.end.offset - token.start.offset;
  if (token.start._bufferIndex >= 0) return context.sliceSerialize(token);
  if (token.end._bufferIndex >= size) {
    const start = { ...token.start, _index: token.end._index, _bufferIndex: token.end._bufferIndex - size };
    return context.sliceSerialize({ ...token, start });
  }
  return ' '.repeat(size);
}

export const kramdownLineWhitespaceFromMarkdown: FromMarkdownExtension = {
  enter: {
    lineEnding(this: CompileContext, token: Token) {
      const data = this.data as LineWhitespaceData;
      const suffix = data.kramdownLineSuffix;
      data.kramdownLineSuffix = undefined;
      if (suffix && suffix.token.end.offset === token.start.offset) addText(this, suffix.value, suffix.token);
    },
  },
  exit: {
    lineSuffix(this: CompileContext, token: Token) {
      (this.data as LineWhitespaceData).kramdownLineSuffix = { token, value: suffixText(this, token) };
    },
    kramdownLineIndent(this: CompileContext, token: Token) {
      addText(this, this.sliceSerialize(token), token);
    },
  },
};

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownLineIndent: 'kramdownLineIndent';
  }
}
