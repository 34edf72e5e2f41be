import type { Element, ElementContent } from 'hast';
import type { Table, TableRow } from 'mdast';
import type { State } from 'mdast-util-to-hast';

// kramdown prints a table's sections in order (a header, one or more bodies, a footer),
// header cells as <th>, and alignment as a `text-align` style on every cell.

interface RowData {
  kramdownSection?: 'thead' | 'tbody' | 'tfoot';
  kramdownGroup?: number;
}

export function kramdownTableHandler(state: State, node: Table): Element {
  const sections: Element[] = [];
  let current: Element | undefined;
  let currentKey = '';
  for (const [index, row] of node.children.entries()) {
    const data = (row.data ?? {}) as RowData;
    // GFM-style tables (no layout data) have their first row as the header.
    const section = data.kramdownSection ?? (index === 0 ? 'thead' : 'tbody');
    const key = `${section}:${data.kramdownGroup ?? (index === 0 ? 0 : 1)}`;
    if (!current || key !== currentKey) {
      current = { type: 'element', tagName: section, properties: {}, children: [] };
      sections.push(current);
      currentKey = key;
    }
    current.children.push(tableRow(state, row, section === 'thead' ? 'th' : 'td', node.align ?? []));
  }
  const result: Element = { type: 'element', tagName: 'table', properties: {}, children: state.wrap(sections, true) };
  for (const section of sections) section.children = state.wrap(section.children, true);
  state.patch(node, result);
  return state.applyData(node, result);
}

function tableRow(state: State, row: TableRow, cellTag: 'th' | 'td', align: Table['align']): Element {
  const cells: ElementContent[] = row.children.map((cell, index) => {
    const alignment = align?.[index];
    const element: Element = {
      type: 'element',
      tagName: cellTag,
      properties: alignment ? { style: `text-align: ${alignment}` } : {},
      children: state.all(cell),
    };
    state.patch(cell, element);
    return state.applyData(cell, element);
  });
  const element: Element = { type: 'element', tagName: 'tr', properties: {}, children: state.wrap(cells, true) };
  state.patch(row, element);
  return state.applyData(row, element);
}
