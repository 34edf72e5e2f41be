import type { Nodes } from 'mdast';
import { emptyAttributeList, mergeAttributeList, type AttributeList } from './attribute-list.js';

// Where attribute lists wait on a node until every ALD of the document is known.

export interface AttributeSite {
  line: number;
  column: number;
}

export interface KramdownNodeData {
  /** Merged IALs applied to the node (kramdown's `options[:ial]`). */
  kramdownIal?: AttributeList;
  /** Where the IALs were written, for messages about unknown ALD names. */
  kramdownIalSites?: AttributeSite[];
  /** A header's `{#id}`, which any IAL overrides. */
  kramdownHeaderId?: string;
  hProperties?: Record<string, unknown>;
  /** An IAL set the id to nothing: no id is printed and none is generated. */
  kramdownEmptyId?: boolean;
}

export function kramdownData(node: Nodes): KramdownNodeData {
  return ((node as { data?: object }).data ??= {}) as KramdownNodeData;
}

/** Attaches an attribute list to a node (merging with lists attached before). */
export function attachAttributeList(node: Nodes, list: AttributeList, site?: AttributeSite): void {
  const data = kramdownData(node);
  mergeAttributeList((data.kramdownIal ??= emptyAttributeList()), list);
  if (site) (data.kramdownIalSites ??= []).push(site);
}

/** ALD names an element refers to, e.g. `toc` for `{:toc}`. */
export function attributeRefs(node: Nodes): string[] {
  return (node as { data?: KramdownNodeData }).data?.kramdownIal?.refs ?? [];
}

/** Writes resolved attributes onto the node's future HTML element. */
export function writeAttributes(node: Nodes, attributes: Map<string, string>): void {
  if (attributes.size === 0) return;
  const data = kramdownData(node);
  const properties = (data.hProperties ??= {});
  for (const [key, value] of attributes) {
    if (key === 'class') {
      const existing = properties.className;
      const before = Array.isArray(existing) ? existing.map(String) : typeof existing === 'string' ? [existing] : [];
      properties.className = [...before, ...value.split(/\s+/).filter(Boolean)];
    } else if (key === 'id' && value.trim() === '') {
      // kramdown leaves out an empty id, but the element still counts as having one
      delete properties.id;
      data.kramdownEmptyId = true;
    } else {
      properties[key] = value;
      if (key === 'id') delete data.kramdownEmptyId;
    }
  }
}
