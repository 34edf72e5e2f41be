import type { Nodes, Root } from 'mdast';
import type { KramdownOptions } from '../options.js';

// `{::options key="value" /}` changes kramdown options from inside a document. The
// converter reads its options once the whole document is parsed, so for what the
// converter decides (footnote numbering, backlinks, ids) the last value in the document
// counts for all of it. The overrides travel on the root of that one document's tree.

interface RootWithOptions extends Root {
  data?: Root['data'] & { kramdownOptions?: Partial<KramdownOptions> };
}

/** Records option values set by the document. */
export function setDocumentOptions(tree: Root, overrides: Partial<KramdownOptions>): void {
  const data = ((tree as RootWithOptions).data ??= {});
  data.kramdownOptions = { ...data.kramdownOptions, ...overrides };
}

/** The options in force for this document: the configured ones with its own overrides. */
export function documentOptions(tree: Root, options: KramdownOptions): KramdownOptions {
  const overrides = (tree as RootWithOptions).data?.kramdownOptions;
  return overrides ? { ...options, ...overrides } : options;
}

/** Gathers what `{::options}` extensions set, in document order (the last value wins). */
export function collectDocumentOptions(tree: Root): void {
  let found: Partial<KramdownOptions> | undefined;
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const options =
      node.type === 'kramdownOptions' ? node.options : (node.data as { kramdownOptions?: Partial<KramdownOptions> } | undefined)?.kramdownOptions;
    if (options) found = { ...found, ...options };
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  if (found) setDocumentOptions(tree, found);
}

// The converter's handlers see the state of one conversion, not the tree's root.
const conversionOptions = new WeakMap<object, KramdownOptions>();

/** Records the options in force for one conversion (keyed by its to-hast state). */
export function setConversionOptions(state: object, options: KramdownOptions): void {
  conversionOptions.set(state, options);
}

/** The options in force for the document being converted (configuration and `{::options}`). */
export function optionsOf(state: object, fallback: KramdownOptions): KramdownOptions {
  return conversionOptions.get(state) ?? fallback;
}
