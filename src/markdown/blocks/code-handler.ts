import type { Element } from 'hast';
import type { Code, InlineCode } from 'mdast';
import type { State } from 'mdast-util-to-hast';

// Jekyll's kramdown + rouge wraps every code block (fenced or indented) the same way; a
// block without a language is highlighted as `plaintext`. Highlighting spans are left
// out: the text is what counts, and rouge's tokens are rouge's business.

/** Language of a fence info string as kramdown-parser-gfm reads it: first word, no `?query`. */
export function fenceLanguage(info: string | null | undefined): string | undefined {
  const word = info?.trim().split(/\s+/)[0];
  const language = word?.replace(/\?.*$/, '');
  return language ? language : undefined;
}

export function kramdownCode(state: State, node: Code): Element {
  const language = fenceLanguage(node.lang) ?? 'plaintext';
  const text = node.value ? `${node.value}\n` : '';
  const code: Element = { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: text }] };
  const pre: Element = { type: 'element', tagName: 'pre', properties: { className: ['highlight'] }, children: [code] };
  const highlight: Element = { type: 'element', tagName: 'div', properties: { className: ['highlight'] }, children: [pre] };
  const result: Element = {
    type: 'element',
    tagName: 'div',
    properties: { className: [`language-${language}`, 'highlighter-rouge'] },
    children: [highlight],
  };
  state.patch(node, result);
  return state.applyData(node, result);
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
