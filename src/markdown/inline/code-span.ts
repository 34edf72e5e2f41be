import type { Element, ElementContent } from 'hast';
import type { InlineCode, Nodes, Root } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import type { KramdownOptions } from '../options.js';
import { optionsOf } from '../blocks/document-options.js';
import { defaultLanguage, rougeHighlights, rougeSettings } from '../highlight/rouge-lexers.js';
import { rougeLayout } from '../highlight/rouge-layout.js';
import { highlightAsRouge } from '../highlight/format-html.js';

// kramdown code spans (see code-span-syntax.ts for how they are found). With Jekyll's
// rouge highlighter a code span is highlighted in the default language (plain text),
// which shows as `class="language-plaintext highlighter-rouge"`; an IAL `.language-x`
// picks the language, and one Rouge does not know leaves the span as written. The code is
// coloured with Rouge's token classes where faro has a lexer for the language (Ruby, so
// far); in any other language Rouge knows it is printed plain, inside the same classes.

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
  return function kramdownInlineCode(state: State, node: InlineCode): Element {
    const effective = optionsOf(state, options);
    const properties = { ...((node.data?.hProperties as Record<string, unknown> | undefined) ?? {}) };
    const classes = Array.isArray(properties.className) ? properties.className.map(String) : [];
    const language = classes.find((name) => name.startsWith('language-'))?.slice('language-'.length);
    let children: ElementContent[] = [{ type: 'text', value: node.value }];
    if (rougeHighlights(language, effective, 'span')) {
      const lexed = language ?? defaultLanguage(effective, 'span');
      properties.className = spanClasses(classes, lexed);
      children = rougeLayout(highlightAsRouge(node.value, lexed) ?? children, node.value, rougeSettings(effective, 'span'), 'span');
    }
    const result: Element = { type: 'element', tagName: 'code', properties: properties as Element['properties'], children };
    state.patch(node, result);
    return result;
  };
}

/**
 * A highlighted span's classes as kramdown writes them: `highlighter-rouge` appended, and
 * the language's class put first unless a language class is first already (a language
 * class further on stays where it is, so it may then appear twice).
 */
function spanClasses(classes: string[], language: string): string[] {
  const out = [...classes, 'highlighter-rouge'];
  if (out[0]!.startsWith('language-')) out[0] = `language-${language}`;
  else out.unshift(`language-${language}`);
  return out;
}
