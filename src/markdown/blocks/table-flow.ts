import type { Code, Construct, State, Token, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Table, TableCell, TableRow } from 'mdast';
import { isTableLine, layoutTable, type TableLayout } from './table-layout.js';
import { atBlockBoundary } from './block-start.js';
import { consumeLineEnding, nonLazyLineEnding } from './line-lookahead.js';
import { containerPrefix, followingLines, restOfCurrentLine } from './source-text.js';

// kramdown tables as a micromark flow construct. A first pass (a `check`, so nothing is
// kept) reads the candidate lines and lays the table out; kramdown wants a block boundary
// before (start of the container or a blank line) and after it (blank line, end, `^`, or
// a block IAL). The second pass emits a row token per line and a `chunkText` per
// non-empty cell, so cells get ordinary inline parsing.

const layouts = new WeakMap<Token, TableLayout>();
const cellIndexes = new WeakMap<Token, number>();
const BOUNDARY_LINE = /^(?:\s*|\^\s*|\s{0,3}\{:(?!:|\/).*\}\s*)$/;

const tokenizeTable: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  let layout: TableLayout | undefined;
  let lineIndex = 0;
  let column = 0;
  let cellIndex = 0;

  // Looks back from the end only: a scan of all events at every line start was quadratic.
  const afterBoundary = () => !self.interrupt && atBlockBoundary(self);

  const readLayout: Construct = {
    partial: true,
    tokenize(scanEffects, scanOk, scanNok) {
      const lines: string[] = [];
      let current = '';
      let open = false;
      const inLine: State = (code) => {
        if (code === null || code < -2) return lineDone(code);
        if (!open) scanEffects.enter('kramdownTableScan');
        open = true;
        scanEffects.consume(code);
        if (code !== -1) current += code === -2 ? '\t' : String.fromCodePoint(code);
        return inLine;
      };
      const lineDone = (code: Code): State | undefined => {
        if (open) scanEffects.exit('kramdownTableScan');
        open = false;
        if (!isTableLine(current, lines.length === 0)) {
          if (lines.length === 0 || !BOUNDARY_LINE.test(current)) return scanNok(code);
          return finish(code);
        }
        lines.push(current);
        current = '';
        if (code === null) return finish(code);
        return scanEffects.attempt(nonLazyLineEnding, inLine, finish)(code);
      };
      const finish = (code: Code) => {
        layout = layoutTable(lines);
        return layout ? scanOk(code) : scanNok(code);
      };
      return inLine;
    },
  };

  const startLine: State = (code) => {
    const line = layout!.lines[lineIndex]!;
    column = 0;
    cellIndex = 0;
    effects.enter(line.kind === 'row' ? 'kramdownTableRow' : 'kramdownTableDelimiter');
    return inLine(code);
  };

  // Every character sits in a token: cell text in `chunkText`, pipes and padding in a
  // filler token (micromark wants consumed characters inside an open token).
  let cellOpen = false;
  let fillerOpen = false;
  const inLine: State = (code) => {
    const line = layout!.lines[lineIndex]!;
    if (code === null || code < -2) {
      closeOpen();
      effects.exit(line.kind === 'row' ? 'kramdownTableRow' : 'kramdownTableDelimiter');
      lineIndex++;
      if (lineIndex === layout!.lines.length) {
        effects.exit('kramdownTable');
        return ok(code);
      }
      consumeLineEnding(effects, code);
      return startLine;
    }
    const cells = line.cells ?? [];
    while (!cellOpen && cellIndex < cells.length && cells[cellIndex]!.end <= column) cellIndex++;
    const cell = cells[cellIndex];
    if (cell && !cellOpen && column === cell.start) {
      closeOpen();
      cellIndexes.set(effects.enter('kramdownTableCell'), cellIndex);
      effects.enter('chunkText', { contentType: 'text' });
      cellOpen = true;
    } else if (!cellOpen && !fillerOpen) {
      effects.enter('kramdownTableFiller');
      fillerOpen = true;
    }
    effects.consume(code);
    if (code !== -1) column += code === -2 ? 1 : String.fromCodePoint(code).length;
    if (cellOpen && cell && column >= cell.end) {
      closeOpen();
      cellIndex++;
    }
    return inLine;
  };

  const closeOpen = () => {
    if (cellOpen) {
      effects.exit('chunkText');
      effects.exit('kramdownTableCell');
    }
    if (fillerOpen) effects.exit('kramdownTableFiller');
    cellOpen = false;
    fillerOpen = false;
  };

  return (code) => {
    if (code === null || code < -2 || !afterBoundary()) return nok(code);
    if (!boundaryAfterTableLines(self)) return nok(code);
    return effects.check(readLayout, (next) => {
      const token = effects.enter('kramdownTable');
      layouts.set(token, layout!);
      return startLine(next);
    }, nok)(code);
  };
};

/**
 * Whether, in the source, the table lines from the current one on are followed by a block
 * boundary (or the end of their containers). Without one there is no table, and saying
 * so before the look-ahead matters: while it reads on, micromark hands the next lines
 * straight to the flow, where no list or blockquote can start (they would interrupt the
 * paragraph the line becomes).
 */
function boundaryAfterTableLines(self: TokenizeContext): boolean {
  const first = restOfCurrentLine(self);
  if (first === undefined || !isTableLine(first, false)) return true;
  const tail = self.events.at(-1);
  const indent = tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
  const lines = followingLines(self, containerPrefix(self, self.now().offset, indent));
  for (const line of lines ?? []) {
    if (line === undefined) return true;
    if (!isTableLine(line, false)) return BOUNDARY_LINE.test(line);
  }
  return true;
}

export const kramdownTable: Construct = { name: 'kramdownTable', tokenize: tokenizeTable, concrete: true };

/** mdast: `table` > `tableRow` (data.section, data.group) > `tableCell`, padded to full width. */
export const kramdownTableFromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownTable(this: CompileContext, token: Token) {
      const layout = layouts.get(token)!;
      this.enter({ type: 'table', align: layout.align, children: [], data: { kramdownColumns: layout.columns } } as Table, token);
    },
    kramdownTableRow(this: CompileContext, token: Token) {
      this.enter({ type: 'tableRow', children: [] }, token);
    },
    kramdownTableCell(this: CompileContext, token: Token) {
      this.enter({ type: 'tableCell', children: [], data: { kramdownCellIndex: cellIndexes.get(token) } } as TableCell, token);
    },
  },
  exit: {
    kramdownTable(this: CompileContext, token: Token) {
      const table = this.stack.at(-1) as Table;
      const layout = layouts.get(token)!;
      const rows = layout.lines.filter((line) => line.kind === 'row');
      table.children.forEach((row, index) => {
        const line = rows[index]!;
        row.data = { ...row.data, kramdownSection: line.section, kramdownGroup: line.group } as TableRow['data'];
        row.children = padCells(row.children, layout.columns);
      });
      this.exit(token);
    },
    kramdownTableRow(this: CompileContext, token: Token) {
      this.exit(token);
    },
    kramdownTableCell(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

function padCells(cells: TableCell[], columns: number): TableCell[] {
  const out: TableCell[] = [];
  for (const cell of cells) {
    const index = (cell.data as { kramdownCellIndex?: number } | undefined)?.kramdownCellIndex ?? out.length;
    while (out.length < index) out.push({ type: 'tableCell', children: [] });
    out.push(cell);
  }
  while (out.length < columns) out.push({ type: 'tableCell', children: [] });
  return out;
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownTable: 'kramdownTable';
    kramdownTableScan: 'kramdownTableScan';
    kramdownTableRow: 'kramdownTableRow';
    kramdownTableDelimiter: 'kramdownTableDelimiter';
    kramdownTableCell: 'kramdownTableCell';
    kramdownTableFiller: 'kramdownTableFiller';
  }
}
