import type { Element, ElementContent } from 'hast';
import type { Nodes, Parents } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { plainText } from './tree.js';
import { attributeRefs } from '../attributes/attribute-data.js';
import type { DefinitionDescription, DefinitionList, DefinitionTerm } from './definition-list-tree.js';

// <dl> with <dt> and <dd> children; a definition whose first paragraph is transparent
// prints that paragraph's content without <p>.

export function kramdownDefinitionList(state: State, node: DefinitionList): Element {
  return finish(state, node, { type: 'element', tagName: 'dl', properties: {}, children: state.wrap(state.all(node), true) });
}

/** A term gets an id when its list references `auto_ids` (or `auto_ids-PREFIX`) and it has none. */
export function kramdownDefinitionTerm(state: State, node: DefinitionTerm, parent: Parents | undefined): Element {
  const result = finish(state, node, { type: 'element', tagName: 'dt', properties: {}, children: state.all(node) });
  if (result.properties.id === undefined && parent) {
    for (const ref of attributeRefs(parent as Nodes)) {
      const match = /^auto_ids(?:-([\w-]+))?$/.exec(ref);
      if (!match) continue;
      const id = `${match[1] ?? ''}${basicId(plainText(node))}`.trimStart();
      result.properties.id = id;
      break;
    }
  }
  return result;
}

/** kramdown's basic_generate_id: letters first, then only ASCII letters, digits, spaces (as dashes) and dashes. */
function basicId(text: string): string {
  return text.replace(/^[^a-zA-Z]+/, '').replace(/[^a-zA-Z0-9 -]/g, '').replace(/ /g, '-').toLowerCase();
}

export function kramdownDefinitionDescription(state: State, node: DefinitionDescription): Element {
  const results = state.all(node);
  const children: ElementContent[] = [];
  for (const [index, child] of results.entries()) {
    const unwrap = index === 0 && node.data?.kramdownTransparentFirst && child.type === 'element' && child.tagName === 'p';
    if (unwrap) children.push(...child.children);
    else children.push({ type: 'text', value: '\n' }, child);
  }
  if (results.length > 1 || !node.data?.kramdownTransparentFirst) children.push({ type: 'text', value: '\n' });
  return finish(state, node, { type: 'element', tagName: 'dd', properties: {}, children });
}

function finish(state: State, node: DefinitionList | DefinitionTerm | DefinitionDescription, result: Element): Element {
  state.patch(node, result);
  return state.applyData(node, result);
}
