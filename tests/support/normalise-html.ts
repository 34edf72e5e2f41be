// Normalised form of an HTML fragment, for comparing faro's article bodies with Jekyll's.
// Same rules as the shared conformance comparer (/work/shared/tools/conformance):
//   - whitespace runs become one space; whitespace touching a block boundary (a block
//     element, <br>, the start or end of a block) is dropped, as a browser renders it;
//     text inside <pre>, <textarea>, <script> and <style> is kept exactly;
//   - attributes are listed in name order, class names sorted; entities are decoded
//     (by parsing);
//   - a code block (<pre>, or Jekyll's highlighter wrappers around one) is reduced to its
//     language and its text, whatever spans colour it.
// The result is one line per node, indented by depth, so a diff points at the first change.
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes, Root, RootContent } from 'hast';

const BLOCK_ELEMENTS = new Set(
  (
    'address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'
  ).split(' '),
);
const PRESERVED_TEXT = new Set(['pre', 'textarea', 'script', 'style']);

type Parent = Root | Element;

export function normaliseHtml(html: string): string[] {
  const lines: string[] = [];
  writeChildren(fromHtml(html, { fragment: true }), 0, false, lines);
  return lines;
}

/** The first line where two normalised forms differ, or undefined when they are equal. */
export function firstDifference(expected: string[], actual: string[]): { line: number; expected: string; actual: string } | undefined {
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    if (expected[i] !== actual[i]) return { line: i + 1, expected: expected[i] ?? '(end)', actual: actual[i] ?? '(end)' };
  }
  return undefined;
}

const isElement = (node: Nodes | undefined): node is Element => node?.type === 'element';
const isBlock = (node: Nodes | undefined): boolean => isElement(node) && BLOCK_ELEMENTS.has(node.tagName);
const classesOf = (node: Element): string[] => {
  const value = node.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null ? [] : String(value).split(/\s+/);
};

function writeChildren(parent: Parent, depth: number, keepText: boolean, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const parentIsBlock = parent.type === 'root' || isBlock(parent);
  parent.children.forEach((child, index) => {
    if (child.type === 'text') {
      const text = keepText ? child.value : collapsedText(parent.children, index, parentIsBlock);
      if (text !== '') lines.push(pad + JSON.stringify(text));
    } else if (child.type === 'comment') {
      lines.push(`${pad}<!--${child.value.replace(/\s+/g, ' ').trim()}-->`);
    } else if (child.type === 'element') {
      if (isCodeBlock(child)) {
        lines.push(pad + codeBlockLine(child));
        return;
      }
      lines.push(`${pad}<${child.tagName}${attributesOf(child)}>`);
      const content: Parent = child.tagName === 'template' && child.content ? child.content : child;
      writeChildren(content, depth + 1, keepText || PRESERVED_TEXT.has(child.tagName), lines);
      lines.push(`${pad}</${child.tagName}>`);
    }
  });
}

/** The neighbour of `index` in `step` direction, skipping comments; undefined at the edge. */
function neighbour(siblings: RootContent[], index: number, step: 1 | -1): RootContent | undefined {
  for (let i = index + step; i >= 0 && i < siblings.length; i += step) {
    if (siblings[i]!.type !== 'comment') return siblings[i];
  }
  return undefined;
}

function collapsedText(siblings: RootContent[], index: number, parentIsBlock: boolean): string {
  let text = (siblings[index] as { value: string }).value.replace(/\s+/g, ' ');
  const before = neighbour(siblings, index, -1);
  const after = neighbour(siblings, index, 1);
  if ((before === undefined && parentIsBlock) || isBlock(before)) text = text.replace(/^ /, '');
  if ((after === undefined && parentIsBlock) || isBlock(after)) text = text.replace(/ $/, '');
  return text;
}

function containsPre(node: Nodes): boolean {
  return isElement(node) && (node.tagName === 'pre' || node.children.some(containsPre));
}

function isCodeBlock(node: Element): boolean {
  if (node.tagName === 'pre') return true;
  const classes = classesOf(node);
  if (node.tagName === 'figure' && classes.includes('highlight')) return true;
  return node.tagName === 'div' && (classes.includes('highlighter-rouge') || classes.includes('highlight')) && containsPre(node);
}

/** The first `language-*` class or `data-lang`, in document order. */
function languageOf(node: Nodes): string {
  if (!isElement(node)) return '';
  const fromClass = classesOf(node)
    .map((name) => /^language-(.+)$/.exec(name)?.[1])
    .find((lang) => lang !== undefined);
  if (fromClass) return fromClass;
  if (node.properties.dataLang !== undefined && node.properties.dataLang !== null) return String(node.properties.dataLang);
  for (const child of node.children) {
    const lang = languageOf(child);
    if (lang) return lang;
  }
  return '';
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}

function codeBlockLine(node: Element): string {
  return `<code-block lang="${languageOf(node)}">${JSON.stringify(textOf(node))}</code-block>`;
}

function attributesOf(node: Element): string {
  return Object.keys(node.properties)
    .sort()
    .map((name) => {
      const value = node.properties[name];
      let text: string;
      if (Array.isArray(value)) text = name === 'className' ? value.map(String).sort().join(' ') : value.join(' ');
      else text = value === true ? '' : String(value);
      return ` ${name}="${text}"`;
    })
    .join('');
}
