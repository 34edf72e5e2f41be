import type { Element, ElementContent, Properties } from 'hast';
import type { Code, InlineCode, Root } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import type { Node, Parent } from 'unist';
import type { KramdownOptions } from '../options.js';
import { optionsOf } from './document-options.js';
import { defaultLanguage, rougeHighlights, rougeSettings } from '../highlight/rouge-lexers.js';
import { rougeLayout } from '../highlight/rouge-layout.js';

// Jekyll's kramdown + rouge wraps every code block (fenced or indented) in a language
// Rouge knows the same way; a block without a language is highlighted as `plaintext`.
// Highlighting spans are left out: the text is what counts, and rouge's tokens are
// rouge's business. A block in a language Rouge does not know is a bare `<pre><code>`.
//
// The language comes from the fence, else from a `language-…` class given by an IAL;
// the other IAL classes stay, between the language class and `highlighter-rouge`.
// kramdown indents its HTML by two spaces per nesting level (raw HTML elements count)
// and puts that indentation before the wrapper's closing tag, inside the wrapper: it is
// kept, as Jekyll's output has it.

/** Language of a fence info string as kramdown-parser-gfm reads it: first word, no `?query`. */
export function fenceLanguage(info: string | null | undefined): string | undefined {
  const word = info?.trim().split(/\s+/)[0];
  const language = word?.replace(/\?.*$/, '');
  return language ? language : undefined;
}

const depths = new WeakMap<State, WeakMap<Node, number>>();

/**
 * Records how deep each code block sits in kramdown's output (footnote content is
 * printed three levels down, in the footnotes' list). Call from the root handler.
 */
export function measureCodeDepths(state: State, tree: Root): void {
  const found = new WeakMap<Node, number>();
  const stack: Array<[Node, number]> = [[tree, -1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node.type === 'code') found.set(node, depth);
    const children = (node as Partial<Parent>).children;
    if (!children) continue;
    const rawDepth = (node as { rawDepth?: number }).rawDepth ?? 0;
    const childDepth = node.type === 'footnoteDefinition' ? 3 : node.type === 'paragraph' || node.type === 'heading' ? depth : depth + 1 + rawDepth;
    for (const child of children) stack.push([child, childDepth]);
  }
  depths.set(state, found);
}

/**
 * The wrapper's classes as kramdown computes them: the first `language-…` class (the
 * fence's, else an IAL's) names the language and is taken out; `highlighter-rouge` is
 * appended; then a leading `language-…` class is replaced by the language's, or the
 * language's class is put first.
 */
export function codeClasses(fenced: string | undefined, ialClasses: string[], defaultLanguage = 'plaintext'): string[] {
  const classes = [...(fenced ? [`language-${fenced}`] : []), ...ialClasses];
  const index = classes.findIndex((name) => name.startsWith('language-'));
  const language = index >= 0 ? classes.splice(index, 1)[0]!.slice('language-'.length) : defaultLanguage;
  classes.push('highlighter-rouge');
  if (classes[0]!.startsWith('language-')) classes[0] = `language-${language}`;
  else classes.unshift(`language-${language}`);
  return classes;
}

export const createCodeHandler = (options: KramdownOptions) => (state: State, node: Code) => kramdownCode(state, node, optionsOf(state, options));

export function kramdownCode(state: State, node: Code, options: KramdownOptions): Element {
  const properties: Properties = { ...((node.data as { hProperties?: Properties } | undefined)?.hProperties ?? {}) };
  const ialClasses = toClassList(properties.className);
  delete properties.className;
  // the fence's word as written (with any `?options`) picks the lexer, else an IAL's language class
  const ialLanguage = ialClasses.find((name) => name.startsWith('language-'))?.slice('language-'.length);
  const result = rougeHighlights(node.lang?.trim().split(/\s+/)[0] || ialLanguage, options)
    ? highlightedCode(state, node, properties, ialClasses, options)
    : plainCode(node, properties, ialClasses);
  state.patch(node, result);
  return result;
}

function highlightedCode(state: State, node: Code, properties: Properties, ialClasses: string[], options: KramdownOptions): Element {
  const text = node.value ? `${node.value}\n` : '';
  const settings = rougeSettings(options, 'block');
  const highlight = rougeLayout([{ type: 'text', value: text }], text, settings, 'block');
  const depth = depths.get(state)?.get(node) ?? 0;
  const children: ElementContent[] = [...highlight];
  if (depth > 0) children.push({ type: 'text', value: ' '.repeat(2 * depth) });
  return {
    type: 'element',
    tagName: 'div',
    properties: { ...properties, className: codeClasses(fenceLanguage(node.lang), ialClasses, defaultLanguage(options, 'block')) },
    children,
  };
}

/**
 * Code Rouge does not highlight: `<pre>` with the block's attributes (its first language
 * class taken out) around `<code class="language-…">`.
 */
function plainCode(node: Code, properties: Properties, ialClasses: string[]): Element {
  const classes = [...(node.lang ? [`language-${fenceLanguage(node.lang)}`] : []), ...ialClasses];
  const index = classes.findIndex((name) => name.startsWith('language-'));
  const language = index >= 0 ? classes.splice(index, 1)[0] : undefined;
  const code: Element = {
    type: 'element',
    tagName: 'code',
    properties: language ? { className: [language] } : {},
    children: [{ type: 'text', value: `${node.value}\n` }],
  };
  return { type: 'element', tagName: 'pre', properties: { ...properties, ...(classes.length > 0 ? { className: classes } : {}) }, children: [code] };
}

function toClassList(value: Properties[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/** Code spans get rouge's plaintext classes too (kramdown highlights spans with the default lexer). */
export function kramdownInlineCode(state: State, node: InlineCode): Element {
  const result: Element = {
    type: 'element',
    tagName: 'code',
    properties: { className: ['language-plaintext', 'highlighter-rouge'] },
    children: [{ type: 'text', value: node.value }],
  };
  state.patch(node, result);
  return state.applyData(node, result);
}
