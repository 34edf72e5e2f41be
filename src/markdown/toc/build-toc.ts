import type { Heading, Link, List, ListItem, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { KramdownOptions } from '../options.js';
import { attributeRefs, type KramdownNodeData } from '../attributes/attribute-data.js';

// kramdown's table of contents: the first list marked `{:toc}` is replaced by a list of
// the document's headers (those with an id, a level in `toc_levels` and no `no_toc`
// class), nested by level. Each entry is `<a href="#id" id="markdown-toc-id">` around a
// copy of the header's content with links unwrapped and footnote markers dropped. The
// list keeps its own attributes; its id defaults to `markdown-toc`. With no entries the
// list disappears.

interface TocEntry {
  level: number;
  id: string;
  children: PhrasingContent[];
}

export function buildTableOfContents(tree: Root, options: KramdownOptions): void {
  const found = findTocList(tree);
  if (!found) return;
  const { list, parent } = found;
  const entries = collectEntries(tree, list, options);
  const index = parent.children.indexOf(list as RootContent);
  if (entries.length === 0) {
    parent.children.splice(index, 1);
    return;
  }
  const data = (list.data ??= {}) as KramdownNodeData;
  const properties = (data.hProperties ??= {});
  if (typeof properties.id !== 'string' || properties.id === '') properties.id = 'markdown-toc';
  const tocId = String(properties.id);
  const toc: List = { type: 'list', ordered: list.ordered, start: null, spread: false, children: [], data: list.data, position: list.position };
  nestEntries(toc, entries, tocId);
  parent.children.splice(index, 1, toc as RootContent);
}

/** The first list marked `{:toc}` in document order, and its parent. */
function findTocList(tree: Root): { list: List; parent: Parent } | undefined {
  const pending: Array<{ node: Nodes; parent?: Parent }> = [{ node: tree }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node, parent } = item;
    if (parent && node.type === 'list' && attributeRefs(node).includes('toc')) return { list: node, parent };
    if (!('children' in node)) continue;
    for (let index = node.children.length - 1; index >= 0; index--) pending.push({ node: node.children[index] as Nodes, parent: node as Parent });
  }
  return undefined;
}

function collectEntries(tree: Root, skip: List, options: KramdownOptions): TocEntry[] {
  const entries: TocEntry[] = [];
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node === skip) continue;
    if (node.type === 'heading') {
      const id = headingId(node);
      if (id !== undefined && options.toc_levels.includes(node.depth) && !hasNoTocClass(node)) {
        entries.push({ level: node.depth, id, children: node.children });
      }
      continue;
    }
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index] as Nodes);
  }
  return entries;
}

function headingId(node: Heading): string | undefined {
  const data = node.data as (KramdownNodeData & { kramdownAutoId?: string }) | undefined;
  const id = data?.hProperties?.id;
  if (typeof id === 'string') return id;
  if (data?.kramdownEmptyId) return '';
  return data?.kramdownAutoId;
}

function hasNoTocClass(node: Heading): boolean {
  const className = (node.data as KramdownNodeData | undefined)?.hProperties?.className;
  const classes = Array.isArray(className) ? className.map(String) : typeof className === 'string' ? className.split(/\s+/) : [];
  return classes.some((name) => /\bno_toc\b/.test(name));
}

function nestEntries(toc: List, entries: TocEntry[], tocId: string): void {
  const stack: Array<{ level: number; item: ListItem }> = [];
  for (const entry of entries) {
    const item = tocItem(entry, tocId, toc.ordered ?? false);
    while (stack.length > 0 && stack[stack.length - 1]!.level >= entry.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent) toc.children.push(item);
    else (parent.item.children[1] as List).children.push(item);
    stack.push({ level: entry.level, item });
  }
  dropEmptySublists(toc);
}

function tocItem(entry: TocEntry, tocId: string, ordered: boolean): ListItem {
  const link: Link = {
    type: 'link',
    url: `#${entry.id}`,
    children: cleanEntryContent(structuredClone(entry.children)),
    data: { hProperties: { id: `${tocId}-${entry.id}` } },
  };
  const sublist: List = { type: 'list', ordered, start: null, spread: false, children: [] };
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [link] }, sublist] };
}

function dropEmptySublists(list: List): void {
  for (const item of list.children) {
    const sublist = item.children[1] as List | undefined;
    if (!sublist) continue;
    if (sublist.children.length === 0) item.children.pop();
    else dropEmptySublists(sublist);
  }
}

/** Links are unwrapped and footnote markers removed, as kramdown does for TOC entries. */
function cleanEntryContent(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'footnoteReference') continue;
    if ('children' in node) (node as { children: PhrasingContent[] }).children = cleanEntryContent(node.children as PhrasingContent[]);
    if (node.type === 'link' || node.type === 'linkReference') out.push(...node.children);
    else out.push(node);
  }
  return out;
}
