import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { resolveAttributes, type AttributeList } from './attribute-list.js';
import { writeAttributes, type AttributeSite, type KramdownNodeData } from './attribute-data.js';
import { collectBlockAttributes } from './block-attributes.js';
import { collectSpanAttributes } from './span-attributes.js';
import { reportWarning } from '../result-data.js';

const RULE = 'kramdown-ial';

type Warn = (site: AttributeSite, message: string) => void;

/**
 * First half: ALDs, block IALs and header `{#id}`s, which also end paragraphs where
 * kramdown does (so it must run before span-level parsing). Returns the ALDs found.
 */
export function applyBlockAttributeLists(tree: Root, source: string, warn: Warn): Map<string, AttributeList> {
  const definitions = new Map<string, AttributeList>();
  collectBlockAttributes(tree, { source, definitions, warn });
  return definitions;
}

/**
 * Second half, once the span elements exist: span IALs, then every attribute list is
 * resolved against all ALDs and written as the attributes kramdown puts on each element.
 */
export function applySpanAttributeLists(tree: Root, source: string, definitions: Map<string, AttributeList>, warn: Warn): void {
  collectSpanAttributes(tree, { source, warn });
  resolveAll(tree, definitions, warn);
}

/** Both halves, for a tree whose span elements are already final. */
export function applyAttributeLists(tree: Root, source: string, warn: Warn): void {
  applySpanAttributeLists(tree, source, applyBlockAttributeLists(tree, source, warn), warn);
}

function resolveAll(tree: Root, definitions: Map<string, AttributeList>, warn: Warn): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
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
    // children in reverse, so warnings come in document order
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index] as Nodes);
  }
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
