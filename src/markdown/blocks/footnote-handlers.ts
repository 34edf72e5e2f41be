import type { Element, ElementContent, Parents as HastParents, Root as HastRoot } from 'hast';
import type { FootnoteDefinition, FootnoteReference, List, Root } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import type { KramdownOptions } from '../options.js';
import { attributeRefs } from '../attributes/attribute-data.js';
import { footnoteDefinitions } from './footnote-tree.js';

// kramdown numbers footnotes in the order their markers are converted: the document
// first, then the footnotes themselves (a marker inside a footnote adds one at the end).
// A repeated marker gets a `:n` suffix on its id and one more backlink in the footnote.
// The footnotes go in a `div.footnotes` at the end, or in place of the first list that
// carries the `footnotes` reference (`{:footnotes}`).

interface Entry {
  name: string;
  definition: FootnoteDefinition;
  number: number;
  repeats: number;
}

interface Registry {
  definitions: Map<string, FootnoteDefinition>;
  entries: Entry[];
  byName: Map<string, Entry>;
  start: number;
  next: number;
  prefix: string;
  backlink: string;
  placeholder?: Element;
}

const registries = new WeakMap<State, Registry>();
const NBSP = '\u00a0';

export interface FootnoteSettings {
  footnote_nr: number;
  footnote_backlink: string;
  footnote_prefix?: string;
}

export function footnoteSettings(options: KramdownOptions): FootnoteSettings {
  const prefix = (options as unknown as Record<string, unknown>).footnote_prefix;
  return { footnote_nr: options.footnote_nr, footnote_backlink: options.footnote_backlink, footnote_prefix: typeof prefix === 'string' ? prefix : '' };
}

/** Sets up footnote numbering for one document; call before converting its content. */
export function startFootnotes(state: State, tree: Root, settings: FootnoteSettings): void {
  const start = Number.isFinite(Number(settings.footnote_nr)) ? Number(settings.footnote_nr) : 1;
  registries.set(state, {
    definitions: footnoteDefinitions(tree),
    entries: [],
    byName: new Map(),
    start,
    next: start,
    prefix: settings.footnote_prefix ?? '',
    backlink: settings.footnote_backlink,
  });
}

/** Converts the footnotes used and puts them at the end or in place of `{:footnotes}`. */
export function finishFootnotes(state: State, result: HastRoot): void {
  const registry = registries.get(state);
  if (!registry) return;
  const section = footnoteSection(state, registry);
  if (registry.placeholder) replaceNode(result, registry.placeholder, section);
  else if (section) result.children.push({ type: 'text', value: '\n' }, section);
}

export function kramdownFootnoteReference(state: State, node: FootnoteReference): Element {
  const registry = registries.get(state);
  const definition = registry?.definitions.get(node.label ?? node.identifier);
  if (!registry || !definition) {
    return { type: 'element', tagName: 'span', properties: {}, children: [{ type: 'text', value: `[^${node.label}]` }] };
  }
  const name = registry.prefix + (node.label ?? node.identifier);
  let entry = registry.byName.get(name);
  let suffix = '';
  if (entry) suffix = `:${++entry.repeats}`;
  else {
    entry = { name, definition, number: registry.next++, repeats: 0 };
    registry.entries.push(entry);
    registry.byName.set(name, entry);
  }
  const link: Element = {
    type: 'element',
    tagName: 'a',
    properties: { href: `#fn:${name}`, className: ['footnote'], rel: ['footnote'] },
    children: [{ type: 'text', value: String(entry.number) }],
  };
  const result: Element = {
    type: 'element',
    tagName: 'sup',
    properties: { id: `fnref:${name}${suffix}`, role: 'doc-noteref' },
    children: [link],
  };
  state.patch(node, result);
  return result;
}

/** Definitions print nothing where they stand. */
export function kramdownFootnoteDefinition(): undefined {
  return undefined;
}

/** For the first list marked `{:footnotes}`: a placeholder the footnotes replace. */
export function footnotePlaceholder(state: State, node: List): Element | undefined {
  const registry = registries.get(state);
  const refs = attributeRefs(node);
  if (!registry || registry.placeholder || !refs.includes('footnotes') || refs.includes('toc')) return undefined;
  registry.placeholder = { type: 'element', tagName: 'div', properties: {}, children: [] };
  return registry.placeholder;
}

function footnoteSection(state: State, registry: Registry): Element | undefined {
  const { start, backlink } = registry;
  const items: ElementContent[] = [];
  const backlinkHtml = escapeText(backlink);
  // Converting a footnote can add entries (markers inside footnotes): go on until none is left.
  for (let index = 0; index < registry.entries.length; index++) {
    const entry = registry.entries[index]!;
    const children = state.all(entry.definition);
    const lastBlock = entry.definition.children.at(-1);
    const lastElement = [...children].reverse().find((child): child is Element => child.type === 'element');
    let paragraph: Element;
    let space = true;
    if (lastBlock?.type === 'paragraph' && lastElement?.tagName === 'p') paragraph = lastElement;
    else {
      paragraph = { type: 'element', tagName: 'p', properties: {}, children: [] };
      children.push(paragraph);
      space = false;
    }
    if (backlink !== '') {
      paragraph.children.push(...backlinkNodes(`fnref:${entry.name}`, backlinkHtml, space ? NBSP : ''));
      for (let repeat = 1; repeat <= entry.repeats; repeat++) {
        paragraph.children.push(...backlinkNodes(`fnref:${entry.name}:${repeat}`, `${backlinkHtml}<sup>${repeat + 1}</sup>`, NBSP));
      }
    }
    items.push({
      type: 'element',
      tagName: 'li',
      properties: { id: `fn:${entry.name}`, role: 'doc-endnote' },
      children: state.wrap(children, true),
    });
  }
  if (items.length === 0) return undefined;
  const list: Element = { type: 'element', tagName: 'ol', properties: start !== 1 ? { start } : {}, children: state.wrap(items, true) };
  return { type: 'element', tagName: 'div', properties: { className: ['footnotes'], role: 'doc-endnotes' }, children: state.wrap([list], true) };
}

function backlinkNodes(target: string, html: string, before: string): ElementContent[] {
  const link: Element = {
    type: 'element',
    tagName: 'a',
    properties: { href: `#${target}`, className: ['reversefootnote'], role: 'doc-backlink' },
    children: [{ type: 'raw', value: html }],
  };
  return before ? [{ type: 'text', value: before }, link] : [link];
}

/** kramdown escapes the backlink text as text, leaving entity references alone. */
function escapeText(text: string): string {
  return text.replace(/<|>|&(?!#?\w+;)/g, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&amp;'));
}

/** Puts `replacement` (or nothing) where `target` stands in the hast tree. */
function replaceNode(root: HastRoot, target: Element, replacement: Element | undefined): void {
  const stack: HastParents[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const index = parent.children.indexOf(target);
    if (index >= 0) {
      parent.children.splice(index, 1, ...(replacement ? [replacement] : []));
      return;
    }
    for (const child of parent.children) if (child.type === 'element') stack.push(child);
  }
}
