import type { ParseContext, TokenizeContext } from 'micromark-util-types';

// kramdown gathers a list item's lines before parsing them, in pieces. The first line
// indented to the item's content that starts a list (`* `, `1. ` after up to three
// spaces), when no blank line and no nested list came before in the item, begins a new
// piece; each piece is parsed on its own, so whatever the lines before had opened inside
// the item (a paragraph, a list taken in lazily, a blockquote) ends there. Once a nested
// list was found, a lazy line that starts a list is moved four columns past the item's
// content: it starts nothing and goes on the text before it.
// micromark continues containers from the outside in, so the item marks the line and the
// containers inside it, which look at it next, act on the mark.

export type ItemLineMark = 'newPiece' | 'lazyListLine';

const marks = new WeakMap<ParseContext, { line: number; mark: ItemLineMark }>();

/** Marks the current line for the containers inside the item being continued. */
export function markItemLine(context: TokenizeContext, mark: ItemLineMark): void {
  marks.set(context.parser, { line: context.now().line, mark });
}

/** The mark an enclosing list item left on the current line, if any. */
export function itemLineMark(context: TokenizeContext): ItemLineMark | undefined {
  const found = marks.get(context.parser);
  return found && found.line === context.now().line ? found.mark : undefined;
}

/** A line that starts a list by kramdown's loose test (the rule-line case aside). */
export const LIST_START_LINE = /^ {0,3}(?:[*+-]|\d+\.)[\t ]/;
export const RULE_LINE = /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/;
