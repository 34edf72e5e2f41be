import type { Nodes, PhrasingContent, Root, Text } from 'mdast';
import { kramdownCodeSpanValue } from './code-span.js';

// Two span details read back from the source: a code span's text as kramdown takes it
// (CommonMark trims differently), and an e-mail autolink's text, which kramdown prints
// without its `mailto:`.

// A single backtick with whitespace (or the line start) before and after it is a plain
// backtick for kramdown, so "a ` b ` c" has no code span.
function isLiteralBacktickSpan(raw: string, source: string, start: number): boolean {
  if (!/^`[^`]/.test(raw)) return false;
  const before = start === 0 ? '' : source[start - 1]!;
  return (before === '' || /\s/.test(before)) && /\s/.test(raw[1]!);
}

export function adjustCodeAndAutolinks(tree: Root, source: string): void {
  const visit = (node: Nodes) => {
    if ('children' in node) {
      const children = node.children as PhrasingContent[];
      children.forEach((child, index) => {
        const start = child.position?.start.offset;
        const end = child.position?.end.offset;
        if (child.type !== 'inlineCode' || start === undefined || end === undefined) return;
        const raw = source.slice(start, end);
        if (isLiteralBacktickSpan(raw, source, start)) {
          const text: Text = { type: 'text', value: raw, position: child.position };
          children[index] = text;
        }
      });
    }
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'inlineCode' && start !== undefined && end !== undefined) {
      const raw = source.slice(start, end);
      const value = raw.includes('\n') ? undefined : kramdownCodeSpanValue(raw);
      if (value !== undefined) node.data = { ...node.data, kramdownValue: value } as typeof node.data;
    }
    if (node.type === 'link' && start !== undefined && source[start] === '<') {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (only && only.type === 'text') only.value = only.value.replace(/^mailto:/, '');
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
}
