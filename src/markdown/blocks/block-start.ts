import type { TokenizeContext } from 'micromark-util-types';

// kramdown ends a paragraph before a block attribute list line (`{: …}` or
// `{:name: …}`), so any block may start on the line after one. micromark keeps such a
// line inside the paragraph (the attribute step takes it out later), so constructs that
// cannot interrupt a paragraph still start when the paragraph's last line is one.

/** A block IAL or ALD line. */
export const ATTRIBUTE_LIST_LINE = /^ {0,3}\{:(?!:|\/)(?:\\\}|[^}])+\}[ \t]*$/;

/** Whether a block that cannot interrupt a paragraph may start at the current line. */
export function mayStartBlock(context: TokenizeContext): boolean {
  if (!context.interrupt) return true;
  // micromark may report an interruption while a construct looks ahead over a blank line.
  const line = previousContentLine(context);
  return line !== undefined && (ATTRIBUTE_LIST_LINE.test(line) || /^[ \t]*$/.test(line) || afterLinkDefinitions(context));
}

/**
 * A link definition line: a block of its own for kramdown (unless a paragraph runs on into
 * it), so the next line starts a new block, a footnote definition say, where micromark is
 * still in the definitions' content.
 */
const LINK_DEFINITION_LINE = /^ {0,3}\[[^\]^][^\]]*\]:/;
/** Lines after which a link definition line starts a block: nothing, blank, a header, an ALD. */
const BLOCK_BOUNDARY_LINE = /^(?:[ \t]*$| {0,3}#|[ \t]*\{:)/;

/** The lines before the current one are link definitions that no paragraph line precedes. */
function afterLinkDefinitions(context: TokenizeContext): boolean {
  const { lines, stop } = previousLines(context, (line) => !LINK_DEFINITION_LINE.test(line));
  return lines.length > 0 && (stop === undefined || BLOCK_BOUNDARY_LINE.test(stop));
}

/**
 * The lines before the current one, nearest first, up to the first that `stops` accepts
 * (previousContentLine, further back): none when the start comes first.
 */
function previousLines(context: TokenizeContext, stops: (line: string) => boolean): { lines: string[]; stop?: string } {
  const lines: string[] = [];
  const events = context.events;
  for (let index = events.length - 1; index >= 0; index--) {
    const [kind, token] = events[index]!;
    if ((token.type === 'chunkContent' || token.type === 'chunkFlow') && kind === 'exit') {
      const line = context.sliceSerialize(token).replace(/\r?\n$/, '');
      if (stops(line)) return { lines, stop: line };
      lines.push(line);
      continue;
    }
    if (kind === 'enter' || token.type === 'lineEnding' || token.type === 'linePrefix') continue;
    break;
  }
  return { lines };
}

/** Whether the line before the current one is a block attribute list line. */
export function previousLineIsAttributeList(context: TokenizeContext): boolean {
  const line = previousContentLine(context);
  return line !== undefined && ATTRIBUTE_LIST_LINE.test(line);
}

/**
 * The text of the line before the current one: the last paragraph line in a flow
 * tokenizer, the last line handed to the flow in the document tokenizer.
 */
function previousContentLine(context: TokenizeContext): string | undefined {
  const events = context.events;
  for (let index = events.length - 1; index >= 0; index--) {
    const [kind, token] = events[index]!;
    if ((token.type === 'chunkContent' || token.type === 'chunkFlow') && kind === 'exit') {
      return context.sliceSerialize(token).replace(/\r?\n$/, '');
    }
    if (kind === 'enter' && token.type !== 'chunkContent' && token.type !== 'chunkFlow') continue;
    if (token.type !== 'lineEnding' && token.type !== 'linePrefix' && token.type !== 'chunkContent' && token.type !== 'chunkFlow') {
      return undefined;
    }
  }
  return undefined;
}

// micromark first checks whether a construct interrupts the open paragraph, closes the
// paragraph, then tokenizes the construct for real, no longer interrupting. A decision
// that depends on the paragraph is taken in the first pass and remembered per line.
const approvals = new WeakMap<object, Map<string, Set<number>>>();

/** Remembers that construct `key` may start at the current line. */
export function approveLine(context: TokenizeContext, key: string): void {
  let byKey = approvals.get(context.parser);
  if (!byKey) approvals.set(context.parser, (byKey = new Map()));
  let lines = byKey.get(key);
  if (!lines) byKey.set(key, (lines = new Set()));
  lines.add(context.now().line);
}

/** Whether construct `key` was approved for the current line. */
export function isApprovedLine(context: TokenizeContext, key: string): boolean {
  return approvals.get(context.parser)?.get(key)?.has(context.now().line) ?? false;
}

/**
 * Containers (lists, blockquotes, definitions) stop nesting at this column. Every level
 * takes at least one column, so this bounds the depth of the tree: micromark checks
 * every open container on every line, and the tree is walked recursively further on.
 */
export const MAX_NESTING_COLUMN = 400;

/** Whether a container may not start here because it would nest too deep. */
export function nestsTooDeep(context: TokenizeContext): boolean {
  return context.now().column > MAX_NESTING_COLUMN;
}

/**
 * kramdown's after_block_boundary for a flow construct about to start: nothing before it
 * in its container, or a blank line, or an end-of-block marker, or a block IAL (a
 * paragraph of attribute list lines that itself starts a block).
 */
export function atBlockBoundary(context: TokenizeContext): boolean {
  const events = context.events;
  let index = events.length - 1;
  while (index >= 0 && (events[index]![1].type === 'lineEnding' || events[index]![1].type === 'linePrefix')) index--;
  if (index < 0) return true;
  const [kind, token] = events[index]!;
  if (token.type === 'lineEndingBlank' || token.type === 'kramdownEndOfBlock') return true;
  if (kind !== 'exit' || token.type !== 'content') return false;
  const lines = context.sliceSerialize(token).split(/\r?\n|\r/);
  if (!lines.every((line) => ATTRIBUTE_LIST_LINE.test(line))) return false;
  // Find where that paragraph starts and look before it.
  let depth = 0;
  for (index--; index >= 0; index--) {
    const [k, t] = events[index]!;
    if (t.type !== 'content') continue;
    if (k === 'exit') depth++;
    else if (depth === 0) break;
    else depth--;
  }
  for (index--; index >= 0 && (events[index]![1].type === 'lineEnding' || events[index]![1].type === 'linePrefix'); index--);
  return index < 0 || events[index]![1].type === 'lineEndingBlank' || events[index]![1].type === 'kramdownEndOfBlock';
}
