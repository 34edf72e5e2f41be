import { tableHasPipes } from './table-pipe-check.js';

// kramdown's table syntax, read line by line (kramdown-parser-gfm uses kramdown's own
// tables, not GFM's): every line holding an unescaped `|` is a table line; a line of
// `-`, `|`, `:`, `+` separates the header (the first one) or body sections; a line of
// `=` starts the footer. Cells split at pipes outside code spans; an outer leading pipe
// (judged on the first line) and an empty last cell are dropped.

export type Alignment = 'left' | 'right' | 'center' | null;
export type Section = 'thead' | 'tbody' | 'tfoot';

export interface CellSpan {
  /** Offsets of the cell's trimmed text in its line. */
  start: number;
  end: number;
}

export interface TableLine {
  kind: 'row' | 'separator';
  /** For rows: section, section number (a table can have several bodies) and cells. */
  section?: Section;
  group?: number;
  cells?: CellSpan[];
}

export interface TableLayout {
  lines: TableLine[];
  columns: number;
  align: Alignment[];
}

const PIPE_LINE = /^(?:\||.*?[^\\\n]\|)/;
const SEPARATOR_LINE = /^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$/;
const FOOTER_LINE = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/;
const ALIGN_MARK = /[ \t]?(:?)-+(:?)[ \t]?/g;

/** Whether a line can belong to a kramdown table (it has an unescaped pipe; the first line is indented less than four spaces). */
export function isTableLine(line: string, first = true): boolean {
  return (!first || /^ {0,3}\S/.test(line)) && PIPE_LINE.test(line);
}

/** Lays out the table made of `lines`, or returns undefined when kramdown would not see a table. */
export function layoutTable(lines: string[]): TableLayout | undefined {
  if (!tableHasPipes(lines)) return undefined;
  const leadingPipe = /^\s*\|/.test(lines[0] ?? '');
  const out: TableLine[] = [];
  let pending: TableLine[] = [];
  let align: Alignment[] | undefined;
  let hasFooter = false;
  let group = 0;
  let columns = 0;
  let hasBody = false;
  const close = (section: Section, force = false) => {
    if (hasFooter && section === 'tbody' && !force) return;
    for (const row of pending) Object.assign(row, { section, group });
    if (section === 'tbody' && pending.length > 0) hasBody = true;
    group++;
    pending = [];
  };
  for (const line of lines) {
    const separator = SEPARATOR_LINE.exec(line);
    if (separator) {
      out.push({ kind: 'separator' });
      if (pending.length === 0) continue;
      if (!align && !hasFooter) {
        close('thead');
        align = [...separator[1]!.matchAll(ALIGN_MARK)].map(([, left, right]) =>
          left && right ? 'center' : right ? 'right' : left ? 'left' : null,
        );
      } else close('tbody');
    } else if (FOOTER_LINE.test(line)) {
      out.push({ kind: 'separator' });
      if (pending.length > 0) close('tbody', true);
      hasFooter = true;
    } else {
      const cells = splitCells(line, leadingPipe);
      columns = Math.max(columns, cells.length);
      const row: TableLine = { kind: 'row', cells };
      out.push(row);
      pending.push(row);
    }
  }
  if (pending.length > 0) close(hasFooter ? 'tfoot' : 'tbody');
  if (!hasBody) return undefined;
  const alignment = (align ?? []).slice(0, columns);
  while (alignment.length < columns) alignment.push(null);
  return { lines: out, columns, align: alignment };
}

/** Cell spans of a row: split at pipes that are neither escaped nor inside a code span. */
const CODE_ELEMENT = /^<code.*?>.*?<\/code>/;

export function splitCells(line: string, leadingPipe: boolean): CellSpan[] {
  const text = line.replace(/[ \t]+$/, '');
  const bounds: Array<[number, number]> = [];
  let cellStart = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') {
      index++;
    } else if (char === '<' && CODE_ELEMENT.test(text.slice(index))) {
      // kramdown keeps a <code> element's content in one cell too
      index += CODE_ELEMENT.exec(text.slice(index))![0].length - 1;
    } else if (char === '`') {
      let run = 1;
      while (text[index + run] === '`') run++;
      const close = findClosingRun(text, index + run, run);
      index = (close ?? index) + run - 1;
    } else if (char === '|') {
      bounds.push([cellStart, index]);
      cellStart = index + 1;
    }
  }
  bounds.push([cellStart, text.length]);
  if (leadingPipe && text.slice(bounds[0]![0], bounds[0]![1]).trim() === '') bounds.shift();
  const last = bounds.at(-1);
  if (last && text.slice(last[0], last[1]).trim() === '') bounds.pop();
  return bounds.map(([start, end]) => trimSpan(text, start, end));
}

/** Where the next run of exactly `size` backticks starts at or after `from` (a code span's end). */
export function findClosingRun(text: string, from: number, size: number): number | undefined {
  for (let index = from; index < text.length; index++) {
    if (text[index] !== '`') continue;
    let run = 1;
    while (text[index + run] === '`') run++;
    if (run === size) return index;
    index += run - 1;
  }
  return undefined;
}

function trimSpan(text: string, start: number, end: number): CellSpan {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
