import { HTML_ELEMENTS_WITHOUT_BODY } from './html-scan.js';
import { findClosingRun } from './table-layout.js';

// The last test kramdown puts candidate table lines to: it reads them again for code
// spans and span HTML only, then walks the pieces at the top level. Code spans and
// elements hide their content (pipes and line breaks alike); a text piece over several
// lines needs a pipe on its first line unless the line before already had one, and the
// table stands when, where the walk ends, the current line has a pipe. (A code span over
// two lines starts a line without a pipe; over more lines it ends the walk.)

const PIPE_LINE = /^(?:\||.*?[^\\\n]\|)/;
const START_TAG = /^<([A-Za-z_:][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"'=<`]+))?)*)\s*(\/)?>/;
const END_TAG = /^<\/([A-Za-z_:][\w:.-]*)\s*>/;
const COMMENT = /^<!--[\s\S]*?-->/;
const BLOCK_ELEMENTS = new Set(
  ('address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section ' +
    'summary table tbody td th thead tfoot tr ul').split(' '),
);

type Piece = { kind: 'text' | 'code' | 'comment' | 'element'; value: string };

/** Whether kramdown keeps `lines` as a table after reading them for code spans and span HTML. */
export function tableHasPipes(lines: string[]): boolean {
  let pipeOnLine = false;
  for (const piece of readPieces(lines.join('\n'))) {
    if (piece.kind === 'element') continue;
    const pieceLines = piece.value.split('\n');
    while (pieceLines.length > 1 && pieceLines.at(-1) === '') pieceLines.pop();
    if (piece.kind === 'code') {
      if (pieceLines.length > 2 || (pieceLines.length === 2 && !pipeOnLine)) break;
      if (pieceLines.length === 2) pipeOnLine = false;
      continue;
    }
    if (pieceLines.length > 1 && !pipeOnLine && !PIPE_LINE.test(pieceLines[0]!)) break;
    pipeOnLine = (pieceLines.length > 1 ? false : pipeOnLine) || PIPE_LINE.test(pieceLines.at(-1)!);
  }
  return pipeOnLine;
}

/** The top-level pieces of `text` read with code spans and span HTML (text runs merged). */
function readPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const addText = (value: string) => {
    const last = pieces.at(-1);
    if (last?.kind === 'text') last.value += value;
    else pieces.push({ kind: 'text', value });
  };
  let index = 0;
  while (index < text.length) {
    const next = nextSpecial(text, index);
    if (next > index) addText(text.slice(index, next));
    if (next >= text.length) break;
    const found = readSpecial(text, next);
    if (found.piece) pieces.push(found.piece);
    else addText(text.slice(next, found.end));
    index = found.end;
  }
  return pieces;
}

function nextSpecial(text: string, from: number): number {
  for (let index = from; index < text.length; index++) if (text[index] === '`' || text[index] === '<') return index;
  return text.length;
}

/** What starts at `at` (a backtick or `<`): a piece, or text up to `end`. */
function readSpecial(text: string, at: number): { piece?: Piece; end: number } {
  if (text[at] === '`') {
    let run = 1;
    while (text[at + run] === '`') run++;
    const close = findClosingRun(text, at + run, run);
    if (close === undefined) return { end: at + run };
    return { piece: { kind: 'code', value: text.slice(at + run, close) }, end: close + run };
  }
  const rest = text.slice(at);
  const comment = COMMENT.exec(rest);
  if (comment) return { piece: { kind: 'comment', value: comment[0] }, end: at + comment[0].length };
  const end = END_TAG.exec(rest);
  if (end) return { end: at + end[0].length };
  const start = START_TAG.exec(rest);
  if (!start || BLOCK_ELEMENTS.has(start[1]!.toLowerCase())) return { end: at + 1 };
  const name = start[1]!;
  const contentStart = at + start[0].length;
  if (start[3] || HTML_ELEMENTS_WITHOUT_BODY.has(name.toLowerCase())) return { piece: { kind: 'element', value: name }, end: contentStart };
  return { piece: { kind: 'element', value: name }, end: elementEnd(text, contentStart, name) };
}

/** Where an element's content (read the same way, so nested code and elements are skipped) ends, after its end tag. */
function elementEnd(text: string, from: number, name: string): number {
  const stop = new RegExp(String.raw`^<\/${name.replace(/[.]/g, '\\.')}\s*>`, 'i');
  let index = from;
  while (index < text.length) {
    index = nextSpecial(text, index);
    if (index >= text.length) break;
    const closing = stop.exec(text.slice(index));
    if (closing) return index + closing[0].length;
    index = readSpecial(text, index).end;
  }
  return text.length;
}
