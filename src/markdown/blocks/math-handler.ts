import type { Element, ElementContent, Properties } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { KramdownOptions } from '../options.js';
import type { MathNode } from './math-syntax.js';
import { optionsOf } from './document-options.js';

// Math as kramdown prints it with Jekyll's default engine, MathJax: `\[…\]` for a
// block, `\(…\)` inline, as text. With attributes (an IAL) a block goes in a <div>, and
// inline math in a <span> as `$…$`. Without a math engine, kramdown marks the math up
// with the `kdmath` class and keeps the dollars.

function attributes(node: MathNode): Properties {
  return { ...((node.data as { hProperties?: Properties } | undefined)?.hProperties ?? {}) };
}

function withClass(properties: Properties, name: string): Properties {
  const existing = properties.className;
  const list = Array.isArray(existing) ? existing.map(String) : existing ? String(existing).split(/\s+/) : [];
  return { ...properties, className: [...list, name] };
}

export function createMathHandlers(options: KramdownOptions) {
  const block = (state: State, node: MathNode): ElementContent => {
    const properties = attributes(node);
    const engine = optionsOf(state, options).math_engine;
    let result: ElementContent;
    if (!engine) {
      result = element('div', withClass(properties, 'kdmath'), `$$\n${node.value}\n$$`);
    } else if (Object.keys(properties).length === 0) {
      result = { type: 'text', value: `\\[${node.value}\\]` };
    } else {
      result = element('div', properties, `\\[${node.value}\\]\n`);
    }
    state.patch(node, result);
    return result;
  };
  const inline = (state: State, node: MathNode): ElementContent => {
    const properties = attributes(node);
    const engine = optionsOf(state, options).math_engine;
    let result: ElementContent;
    if (!engine) result = element('span', withClass(properties, 'kdmath'), `$${node.value}$`);
    else if (Object.keys(properties).length === 0) result = { type: 'text', value: `\\(${node.value}\\)` };
    else result = element('span', properties, `$${node.value}$`);
    state.patch(node, result);
    return result;
  };
  return { kramdownMath: block, kramdownInlineMath: inline };
}

function element(tagName: string, properties: Properties, text: string): Element {
  return { type: 'element', tagName, properties, children: [{ type: 'text', value: text }] };
}
