import type { Element } from 'hast';
import type { InlineCode } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import type { KramdownOptions } from '../options.js';

// kramdown code spans. The text is what stands between the backticks (kramdown strips one
// space on each side only for multi-backtick spans, and keeps line breaks); with Jekyll's
// rouge highlighter every code span is "highlighted" as plain text, which shows as
// `class="language-plaintext highlighter-rouge"` (an IAL `.language-x` picks the language).

/** The code span text kramdown sees, from its source (`` `x` `` → `x`). */
export function kramdownCodeSpanValue(raw: string): string | undefined {
  const match = /^(`+)([\s\S]*?)\1$/.exec(raw);
  if (!match) return undefined;
  let text = match[2]!;
  if (match[1]!.length > 1) {
    if (text.startsWith(' ')) text = text.slice(1);
    if (text.endsWith(' ')) text = text.slice(0, -1);
  }
  return text;
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
    const value = (node.data as { kramdownValue?: string } | undefined)?.kramdownValue ?? node.value;
    const result: Element = {
      type: 'element',
      tagName: 'code',
      properties: properties as Element['properties'],
      children: [{ type: 'text', value }],
    };
    state.patch(node, result);
    return result;
  };
}
