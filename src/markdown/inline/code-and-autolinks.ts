import type { Nodes, Root } from 'mdast';
import { pushAll } from '../source/arrays.js';

// Two span details read back from the source: a code span's padding (kramdown strips one
// space at each end of a span opened by two or more backticks, and keeps everything else
// as written), and an e-mail autolink's text, which kramdown prints without `mailto:`.

export function adjustCodeAndAutolinks(tree: Root, source: string): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const start = node.position?.start.offset;
    if (node.type === 'inlineCode' && start !== undefined && source.startsWith('``', start)) {
      node.value = node.value.replace(/^ /, '').replace(/ $/, '');
    }
    if (node.type === 'link' && start !== undefined && source[start] === '<') {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (only && only.type === 'text') only.value = only.value.replace(/^mailto:/, '');
    }
    if ('children' in node) pushAll(pending, node.children as Nodes[]);
  }
}
