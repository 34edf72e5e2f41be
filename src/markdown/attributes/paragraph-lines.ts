import type { Paragraph, PhrasingContent, Text } from 'mdast';
import { setTextLiterals, textLiterals, writtenText } from '../source/text-literals.js';

// CommonMark keeps a kramdown attribute line (`{: .x}`, `{:name: ...}`) inside the
// paragraph it follows or precedes, while kramdown ends the paragraph there. These
// helpers cut a paragraph's inline content into its source lines and glue lines back.

export interface ParagraphLine {
  nodes: PhrasingContent[];
  /** The hard break that ended the line, if it was one (else a soft line ending). */
  hardBreak?: PhrasingContent;
  /** 1-based source line, when positions are known. */
  line?: number;
}

/** Splits the children of a paragraph at its line endings. */
export function splitParagraphLines(paragraph: Paragraph): ParagraphLine[] {
  const lines: ParagraphLine[] = [];
  let current: ParagraphLine = { nodes: [], line: paragraph.position?.start.line };
  const finish = (next?: number) => {
    lines.push(current);
    current = { nodes: [], line: next };
  };
  for (const child of paragraph.children) {
    if (child.type === 'break') {
      current.hardBreak = child;
      finish(child.position ? child.position.end.line : undefined);
      continue;
    }
    if (child.type !== 'text' || !child.value.includes('\n')) {
      current.nodes.push(child);
      continue;
    }
    const parts = child.value.split('\n');
    const startLine = child.position?.start.line;
    let offset = 0;
    parts.forEach((part, index) => {
      if (index > 0) finish(startLine === undefined ? undefined : startLine + index);
      if (part !== '') current.nodes.push(textPiece(child, part, offset, index, startLine));
      offset += part.length + 1;
    });
  }
  finish();
  return lines;
}

function textPiece(from: Text, value: string, offset: number, index: number, startLine: number | undefined): Text {
  const piece: Text = { type: 'text', value };
  const literals = textLiterals(from)
    .filter((literal) => literal.start >= offset && literal.end <= offset + value.length)
    .map((literal) => ({ ...literal, start: literal.start - offset, end: literal.end - offset }));
  if (literals.length > 0) setTextLiterals(piece, literals);
  if (startLine !== undefined && from.position) {
    const line = startLine + index;
    const column = index === 0 ? from.position.start.column : 1;
    piece.position = { start: { line, column }, end: { line, column: column + value.length } };
  }
  return piece;
}

/** The text of a line made of a single text node (escapes as written), else undefined. */
export function lineText(line: ParagraphLine): string | undefined {
  if (line.nodes.length !== 1) return undefined;
  const only = line.nodes[0]!;
  return only.type === 'text' ? writtenText(only) : undefined;
}

/** Glues lines back into paragraph children, merging text across soft line endings. */
export function joinParagraphLines(lines: ParagraphLine[]): PhrasingContent[] {
  const children: PhrasingContent[] = [];
  lines.forEach((line, index) => {
    for (const node of line.nodes) appendNode(children, node);
    if (index === lines.length - 1) return;
    if (line.hardBreak) children.push(line.hardBreak);
    else appendNode(children, { type: 'text', value: '\n' });
  });
  return children;
}

function appendNode(children: PhrasingContent[], node: PhrasingContent): void {
  const last = children[children.length - 1];
  if (last && last.type === 'text' && node.type === 'text') {
    const shift = last.value.length;
    const merged = [...textLiterals(last), ...textLiterals(node).map((l) => ({ ...l, start: l.start + shift, end: l.end + shift }))];
    last.value += node.value;
    setTextLiterals(last, merged);
    if (last.position && node.position) last.position.end = node.position.end;
    return;
  }
  children.push(node.type === 'text' ? { ...node, data: node.data ? { ...node.data } : undefined } : node);
}

