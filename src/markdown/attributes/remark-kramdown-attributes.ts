import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { resolveAttributes, type AttributeList } from './attribute-list.js';
import { writeAttributes, type AttributeSite, type KramdownNodeData } from './attribute-data.js';
import { collectBlockAttributes } from './block-attributes.js';
import { collectSpanAttributes } from './span-attributes.js';
import { reportWarning } from '../result-data.js';

const RULE = 'kramdown-ial';

/**
 * Applies every ALD, block IAL, span IAL and header `{#id}` of a document once all ALDs
 * are known, writing the attributes kramdown would put on each element.
 */
export function applyAttributeLists(tree: Root, source: string, warn: (site: AttributeSite, message: string) => void): void {
  const definitions = new Map<string, AttributeList>();
  collectBlockAttributes(tree, { source, definitions, warn });
  collectSpanAttributes(tree, { source, warn });
  resolveAll(tree, definitions, warn);
}

function resolveAll(node: Nodes, definitions: Map<string, AttributeList>, warn: (site: AttributeSite, message: string) => void): void {
  const data = (node as { data?: KramdownNodeData }).data;
  if (data && (data.kramdownIal || data.kramdownHeaderId !== undefined)) {
    const attributes = new Map<string, string>();
    if (data.kramdownHeaderId !== undefined) attributes.set('id', data.kramdownHeaderId);
    if (data.kramdownIal) {
      const site = data.kramdownIalSites?.[0] ?? { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
      resolveAttributes(data.kramdownIal, definitions, (name) => warn(site, unknownRefMessage(name)), attributes);
    }
    writeAttributes(node, attributes);
  }
  if ('children' in node) for (const child of node.children) resolveAll(child as Nodes, definitions, warn);
}

function unknownRefMessage(name: string): string {
  const hint = name.toLowerCase() === 'toc' ? ' (a table of contents needs `{:toc}`, in lower case)' : '';
  return `IAL refers to "${name}", but no ALD "{:${name}: ...}" defines it; kramdown ignores it${hint}`;
}

/** remark plugin: kramdown's inline attribute lists and attribute list definitions. */
export function remarkKramdownAttributes() {
  return (tree: Root, file: VFile) => {
    applyAttributeLists(tree, String(file.value), (site, message) => reportWarning(file, RULE, site.line, site.column, message));
  };
}
