import type { Text } from 'mdast';
import { textLiterals } from './text-literals.js';

export interface SourceSite {
  line: number;
  column: number;
}

export interface SourcePoint extends SourceSite {
  offset: number;
}

/**
 * Where an offset into a text node's value was written in the source (1-based line and
 * column). Escapes and references count with their written length; on later lines of a
 * multi-line text the column is found by looking the text up in the source line.
 */
export function siteAt(text: Text, offset: number, source: string): SourceSite {
  const start = text.position?.start;
  if (!start) return { line: 1, column: 1 };
  const before = text.value.slice(0, offset);
  const newlines = before.split('\n').length - 1;
  if (newlines === 0) {
    const extra = textLiterals(text)
      .filter((literal) => literal.end <= offset)
      .reduce((sum, literal) => sum + literal.source.length - (literal.end - literal.start), 0);
    return { line: start.line, column: start.column + offset + extra };
  }
  const line = start.line + newlines;
  const lineStart = before.slice(before.lastIndexOf('\n') + 1);
  const sourceLine = lineAt(source, line);
  const probe = text.value.slice(offset, offset + 8);
  const at = probe === '' ? -1 : sourceLine.indexOf(probe);
  return { line, column: at >= 0 ? at + 1 : lineStart.length + 1 };
}

/** Like siteAt, with the offset into the whole source. */
export function pointAt(text: Text, offset: number, source: string): SourcePoint {
  const site = siteAt(text, offset, source);
  return { ...site, offset: lineOffset(source, site.line) + site.column - 1 };
}

function lineAt(source: string, line: number): string {
  const start = lineOffset(source, line);
  const end = source.indexOf('\n', start);
  return source.slice(start, end < 0 ? source.length : end);
}

function lineOffset(source: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const next = source.indexOf('\n', at);
    if (next < 0) return source.length;
    at = next + 1;
  }
  return at;
}
