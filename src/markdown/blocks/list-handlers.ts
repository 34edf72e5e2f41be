import type { Element, ElementContent } from 'hast';
import type { List, ListItem } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { footnotePlaceholder } from './footnote-handlers.js';

// kramdown prints lists without `start` (an ordered list always counts from 1), prints an
// item's first paragraph without <p> when the item is tight (see list-paragraphs.ts; later
// paragraphs keep theirs), and marks GFM task items as kramdown-parser-gfm does.

const TASK_LIST_CLASS = 'task-list';
const TASK_ITEM_CLASS = 'task-list-item';

export function kramdownList(state: State, node: List): Element {
  const placeholder = footnotePlaceholder(state, node);
  if (placeholder) return placeholder;
  const items = state.all(node);
  let taskSeen = false;
  for (const [index, item] of node.children.entries()) {
    // kramdown-parser-gfm keeps marking items once one task item was seen.
    taskSeen ||= typeof item.checked === 'boolean';
    const element = items[index];
    if (taskSeen && element?.type === 'element') element.properties.className = [TASK_ITEM_CLASS];
  }
  const result: Element = {
    type: 'element',
    tagName: node.ordered ? 'ol' : 'ul',
    properties: taskSeen ? { className: [TASK_LIST_CLASS] } : {},
    children: state.wrap(items, true),
  };
  state.patch(node, result);
  return state.applyData(node, result);
}

export function kramdownListItem(state: State, node: ListItem): Element {
  const results = state.all(node);
  const children: ElementContent[] = [];
  const transparentFirst = node.spread === false;
  if (typeof node.checked === 'boolean') results.unshift(...checkbox(node.checked, results));
  for (const [index, child] of results.entries()) {
    const unwrap = index === 0 && transparentFirst && child.type === 'element' && child.tagName === 'p';
    if (unwrap) children.push(...child.children);
    else children.push({ type: 'text', value: '\n' }, child);
  }
  if (children.length > 0 && !(transparentFirst && results.length === 1)) children.push({ type: 'text', value: '\n' });
  const result: Element = { type: 'element', tagName: 'li', properties: {}, children };
  state.patch(node, result);
  return state.applyData(node, result);
}

/** The checkbox goes inside the first paragraph, replacing the `[ ]` / `[x]` marker. */
function checkbox(checked: boolean, results: ElementContent[]): ElementContent[] {
  const input: Element = {
    type: 'element',
    tagName: 'input',
    properties: { type: 'checkbox', className: ['task-list-item-checkbox'], disabled: true, checked },
    children: [],
  };
  const head = results[0];
  if (head?.type === 'element' && head.tagName === 'p') {
    head.children.unshift(input);
    return [];
  }
  return [input];
}
