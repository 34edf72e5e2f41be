import type { Element } from 'hast';
import type { InlineCode, Nodes, Root } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import type { KramdownOptions } from '../options.js';

// kramdown code spans (see code-span-syntax.ts for how they are found). With Jekyll's
// rouge highlighter every code span is "highlighted" as plain text, which shows as
// `class="language-plaintext highlighter-rouge"` (an IAL `.language-x` picks the language).

/**
 * kramdown strips one space at each end of a code span opened by two or more backticks
 * (and keeps everything else as written).
 */
export function trimCodeSpanPadding(tree: Root, source: string): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const start = node.position?.start.offset;
    if (node.type === 'inlineCode' && start !== undefined && source.startsWith('``', start)) {
      node.value = node.value.replace(/^ /, '').replace(/ $/, '');
    }
    if ('children' in node) for (const child of node.children as Nodes[]) pending.push(child);
  }
}

export function createInlineCodeHandler(options: KramdownOptions) {
  const highlighter = options.syntax_highlighter ? String(options.syntax_highlighter) : '';
  return function kramdownInlineCode(state: State, node: InlineCode): Element {
    const properties = { ...((node.data?.hProperties as Record<string, unknown> | undefined) ?? {}) };
    const classes = Array.isArray(properties.className) ? properties.className.map(String) : [];
    if (highlighter) {
      const hasLanguage = classes.some((name) => name.startsWith('language-'));
      properties.className = [...(hasLanguage ? [] : ['language-plaintext']), ...classes, `highlighter-${highlighter}`];
    }
    const result: Element = {
      type: 'element',
      tagName: 'code',
      properties: properties as Element['properties'],
      children: [{ type: 'text', value: node.value }],
    };
    state.patch(node, result);
    return result;
  };
}
