import type { Element } from 'hast';
import type { Heading } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import type { KramdownOptions } from '../options.js';
import { optionsOf } from './document-options.js';

// kramdown's converter prints a header `header_offset` levels down (kept within h1–h6);
// `toc_levels` and the table of contents go by the level as written.

export const createHeadingHandler = (options: KramdownOptions) => (state: State, node: Heading): Element => {
  const result = defaultHandlers.heading(state, node);
  const offset = Number(optionsOf(state, options).header_offset);
  if (Number.isInteger(offset) && offset !== 0) result.tagName = `h${Math.min(6, Math.max(1, node.depth + offset))}`;
  return result;
};
