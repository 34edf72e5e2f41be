import type { Code, Nodes, RootContent } from 'mdast';
import type { SourceIndex } from '../source/offsets.js';
import { indentedCodeValue } from '../blocks/code-indented.js';

// CommonMark reads the lines after a link definition as the rest of one paragraph, so a
// definition on a line indented by four columns or more is still a definition there. For
// kramdown a definition is a block of its own: the indented line after it starts an
// indented code block, which runs on over the lines that follow it (lazy ones included).

const TAB_STOP = 4;

/** Turns the definitions kramdown reads as indented code into code blocks, in place. */
export function indentedDefinitionsAsCode(container: Nodes, children: RootContent[], index: SourceIndex): void {
  const column = contentColumn(container, children);
  for (let position = 0; position < children.length; position++) {
    const child = children[position]!;
    if (child.type !== 'definition' || indentOf(child, column, index) < TAB_STOP) continue;
    const start = index.offsetOf(child.position?.start);
    let last = position;
    // the siblings CommonMark took from the same paragraph, line after line
    while (last + 1 < children.length && continuesOnNextLine(children[last]!, children[last + 1]!)) last++;
    const end = index.offsetOf(children[last]!.position?.end);
    if (start === undefined || end === undefined) continue;
    const lineStart = index.source.lastIndexOf('\n', start - 1) + 1;
    const lines = index.source
      .slice(lineStart, end)
      .split('\n')
      .map((line) => line.slice(column - 1));
    const code: Code = { type: 'code', lang: null, meta: null, value: indentedCodeValue(`${lines.join('\n')}\n`) };
    code.position = { start: index.pointAt(lineStart), end: index.pointAt(end) };
    children.splice(position, last - position + 1, code);
  }
}

/** The column where the container's blocks start (its first block's column). */
function contentColumn(container: Nodes, children: RootContent[]): number {
  if (container.type === 'root') return 1;
  return children[0]?.position?.start.column ?? 1;
}

/** How far the definition's line is indented past the container's content column. */
function indentOf(node: RootContent, column: number, index: SourceIndex): number {
  const start = index.offsetOf(node.position?.start);
  if (start === undefined) return 0;
  const lineStart = index.source.lastIndexOf('\n', start - 1) + 1;
  const line = index.source.slice(lineStart + column - 1, start + 1);
  let width = 0;
  for (const char of line) {
    if (char === ' ') width++;
    else if (char === '\t') width += TAB_STOP - (width % TAB_STOP);
    else break;
  }
  return width;
}

function continuesOnNextLine(before: RootContent, after: RootContent): boolean {
  if (after.type !== 'definition' && after.type !== 'paragraph') return false;
  const end = before.position?.end.line;
  return end !== undefined && after.position?.start.line === end + 1;
}
