import type { Construct, ParseContext, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Html } from 'mdast';
import type { Node } from 'unist';
import type { KramdownOptions } from '../options.js';
import { mayStartBlock } from './block-start.js';
import { laterLineMatches } from './source-text.js';
import { extensionHtml, optionValues, readStartTag, stopTagPattern } from './extension-tags.js';
import { consumeLineEnding } from './line-lookahead.js';

// Block extensions: a line holding only an extension start tag (up to three spaces
// before it) opens one; unless the tag closes itself, the body runs to the first line
// holding only `{:/name}` or `{:/}`. Without such a line, or for an unknown name, the
// lines are a paragraph. An extension does not interrupt a paragraph.
// `options` take effect from where they stand for what the parser decides (recorded
// per parse, see `parseOption`), and for the whole document for what the converter
// decides (the tree keeps a `kramdownOptions` node).

export interface OptionsExtension extends Node {
  type: 'kramdownOptions';
  options: Partial<KramdownOptions>;
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownOptions: OptionsExtension;
  }
  interface BlockContentMap {
    kramdownOptions: OptionsExtension;
  }
}

const LEFT_BRACE = 123;
const parseOverrides = new WeakMap<ParseContext, Partial<KramdownOptions>>();

/** An option as the parser sees it at this point of the document. */
export function parseOption<K extends keyof KramdownOptions>(context: TokenizeContext, key: K, base: KramdownOptions): KramdownOptions[K] {
  const overrides = parseOverrides.get(context.parser);
  return overrides && key in overrides ? (overrides[key] as KramdownOptions[K]) : base[key];
}

/** Records options set by an extension for the rest of this parse. */
export function recordParseOptions(context: TokenizeContext, values: Partial<KramdownOptions>): void {
  parseOverrides.set(context.parser, { ...parseOverrides.get(context.parser), ...values });
}

const tokenizeExtension: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  let line = '';
  let lineOpen = false;
  let stop: RegExp | undefined;
  let options: Partial<KramdownOptions> | undefined;

  const readLine =
    (then: (text: string) => State): State =>
    (code) => {
      if (code === null || code < -2) {
        if (lineOpen) effects.exit('kramdownExtensionLine');
        lineOpen = false;
        const text = line;
        line = '';
        return then(text)(code);
      }
      if (!lineOpen) effects.enter('kramdownExtensionLine');
      lineOpen = true;
      effects.consume(code);
      if (code !== -1) line += code === -2 ? '\t' : String.fromCodePoint(code);
      return readLine(then);
    };
  const firstLine = (text: string): State => {
    const tag = readStartTag(text);
    if (!tag || !/^[ \t]*$/.test(text.slice(tag.length))) return nok;
    if (tag.name === 'options') options = optionValues(tag.attributes);
    if (tag.selfClosing) return done;
    stop = new RegExp(String.raw`^ {0,3}${stopTagPattern(tag.name).source}[ \t]*$`);
    if (!laterLineMatches(self, new RegExp(String.raw`^[ \t]*${stopTagPattern(tag.name).source}[ \t]*$`))) return nok;
    return nextLine;
  };
  const nextLine: State = (code) => {
    if (code === null) return nok(code);
    consumeLineEnding(effects, code);
    return readLine((text) => (stop!.test(text) ? done : nextLine));
  };
  const done: State = (code) => {
    if (options) recordParseOptions(self, options);
    effects.exit('kramdownExtension');
    return ok(code);
  };
  return (code) => {
    if (code !== LEFT_BRACE || !mayStartBlock(self)) return nok(code);
    effects.enter('kramdownExtension');
    return readLine(firstLine)(code);
  };
};

export const kramdownBlockExtension: Construct = { name: 'kramdownBlockExtension', tokenize: tokenizeExtension, concrete: true };

/** mdast: comments and nomarkdown bodies become `html` nodes, options a `kramdownOptions` node. */
export const kramdownBlockExtensionFromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownExtension(this: CompileContext, token: Token) {
      const lines = this.sliceSerialize(token).split(/\r?\n|\r/);
      const first = lines[0]!.replace(/^[ \t]*/, '');
      const tag = readStartTag(first)!;
      if (tag.name === 'options') {
        this.enter({ type: 'kramdownOptions', options: optionValues(tag.attributes) }, token);
        return;
      }
      const body = tag.selfClosing ? undefined : lines.slice(1, -1).join('\n');
      const node: Html = { type: 'html', value: body === undefined ? '' : extensionHtml(tag, body) };
      this.enter(node, token);
    },
  },
  exit: {
    kramdownExtension(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

/** The options extension prints nothing. */
export function kramdownOptionsHandler(): undefined {
  return undefined;
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownExtension: 'kramdownExtension';
    kramdownExtensionLine: 'kramdownExtensionLine';
  }
}
