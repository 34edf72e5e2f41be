import type { Text } from 'mdast';
import type { Point } from 'unist';
import { textLiterals } from './text-literals.js';

// Exact source offsets for the characters of a text node, for passes that cut text nodes
// apart and must give each piece a true position (later passes read the source right
// after a node, e.g. the smart-quote rules). Built in one walk over the node, so cutting
// a long paragraph into many pieces stays linear.

/** Line starts of a document, to turn offsets into points and back. */
export class SourceIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly source: string) {
    for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
  }

  /** The offset of a point (points built without an offset are looked up by line and column). */
  offsetOf(point: Point | undefined): number | undefined {
    if (!point) return undefined;
    if (point.offset !== undefined) return point.offset;
    const lineStart = this.lineStarts[point.line - 1];
    return lineStart === undefined ? undefined : Math.min(lineStart + point.column - 1, this.source.length);
  }

  pointAt(offset: number): Point {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1, offset };
  }
}

const LINE_PREFIX = /[ \t>]/;

/**
 * Source offset of every position of a text node's value (one more entry for its end),
 * or undefined when the node has no position. Escapes and references take their written
 * length; after a line ending the container prefix (indentation, `>`) is skipped.
 */
export function valueOffsets(text: Text, index: SourceIndex): Int32Array | undefined {
  const start = index.offsetOf(text.position?.start);
  if (start === undefined) return undefined;
  const { source } = index;
  const value = text.value;
  const offsets = new Int32Array(value.length + 1);
  const literals = [...textLiterals(text)].sort((a, b) => a.start - b.start);
  let next = 0;
  let at = start;
  for (let i = 0; i < value.length; ) {
    const literal = literals[next];
    if (literal && literal.start === i) {
      for (let k = literal.start; k < literal.end; k++) offsets[k] = at;
      at += literal.source.length;
      i = Math.max(literal.end, i + 1);
      next++;
      continue;
    }
    offsets[i] = at;
    if (value[i] === '\n') {
      // trailing spaces before the line ending are not in the value, nor the next line's prefix
      const lineEnd = source.indexOf('\n', at);
      at = lineEnd < 0 ? source.length : lineEnd + 1;
      while (at < source.length && source[at] !== value[i + 1] && LINE_PREFIX.test(source[at]!)) at++;
    } else {
      at++;
    }
    i++;
  }
  offsets[value.length] = Math.min(at, source.length);
  return offsets;
}
