import type { Code, Construct, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { KramdownOptions } from '../options.js';
import { createHtmlBlockScanner, htmlBlockEnd } from './html-structure.js';
import { readStartTagPrefix, startTagCompletes, startTagProgress, type StartTagProgress } from './html-start-tag-prefix.js';
import { documentSource } from './source-text.js';
import { parseOption } from './extension-flow.js';
import { consumeLineEnding, nonLazyLineEnding } from './line-lookahead.js';

// kramdown's block HTML in place of CommonMark's HTML blocks (which end at a blank line
// and come in seven kinds). A line starting (after up to three spaces) with a non-span
// start tag or a comment opens a block that runs to the element's end tag, however many
// lines and blank lines that takes (see html-scan.ts). It produces the usual `htmlFlow`
// tokens, so the mdast node is an ordinary `html` node. An element whose content is
// Markdown (see html-structure.ts) ends at an end tag that starts a line; the tree step
// parses its content.

const LESS_THAN = 60;
const TAG_START = /^<[A-Za-z_:]/;

const createTokenizer = (options: KramdownOptions): Tokenizer =>
  function (this: TokenizeContext, effects, ok, nok) {
    const self = this;
    const parseBlockHtml = parseOption(self, 'parse_block_html', options);
    // The text of the element being scanned: another element may follow the end tag of
    // the first on the same line, and then the block goes on with that one.
    let buffer = '';
    let scan = createHtmlBlockScanner(parseBlockHtml);
    let end: number | undefined;
    let firstLine = true;
    let dataOpen = false;
    let tag: StartTagProgress | undefined;
    let checkedSource = false;
    let start: number | undefined;

    const inside: State = (code) => {
      if (code === null || code < -2) return lineEnd(code);
      if (!dataOpen) effects.enter('htmlFlowData');
      dataOpen = true;
      effects.consume(code);
      if (code !== -1) buffer += code === -2 ? '\t' : String.fromCodePoint(code);
      return inside;
    };

    const lineEnd = (code: Code): State | undefined => {
      if (dataOpen) effects.exit('htmlFlowData');
      dataOpen = false;
      if (firstLine && TAG_START.test(buffer)) {
        // a start tag may go on over the next lines: read on till it is complete
        const prefix = readStartTagPrefix(buffer, (tag ??= startTagProgress()));
        if (prefix === 'invalid') return nok(code);
        if (prefix === 'partial' && !checkedSource) {
          checkedSource = true;
          const source = documentSource(self);
          if (source !== undefined && start !== undefined && !startTagCompletes(source, start)) return nok(code);
        }
        if (prefix === 'partial') return code === null ? nok(code) : effects.check(nonLazyLineEnding, nextLine, nok)(code);
      }
      const status = scan(buffer);
      if (firstLine && status === 'invalid') return nok(code);
      // A comment or a script does not end a paragraph for kramdown: it stays inline there.
      if (firstLine && self.interrupt && /^<(?:!--|script\b)/i.test(buffer)) return nok(code);
      firstLine = false;
      if (typeof status === 'number') end = status;
      if (end !== undefined) {
        const next = nextElementStart(buffer, end, parseBlockHtml);
        if (next === undefined || code === null) return done(code);
        buffer = buffer.slice(next);
        scan = createHtmlBlockScanner(parseBlockHtml);
        scan(buffer);
        end = undefined;
      }
      if (code === null) return done(code);
      return effects.check(nonLazyLineEnding, nextLine, done)(code);
    };

    const nextLine: State = (code) => {
      consumeLineEnding(effects, code);
      buffer += '\n';
      return inside;
    };

    const done: State = (code) => {
      effects.exit('htmlFlow');
      return ok(code);
    };

    return (code) => {
      if (code !== LESS_THAN) return nok(code);
      start = self.now().offset;
      effects.enter('htmlFlow');
      return inside(code);
    };
  };

/** Where an unfinished HTML block element starts after `end` on the buffer's last line, if one does. */
function nextElementStart(buffer: string, end: number, parseBlockHtml: boolean): number | undefined {
  const rest = buffer.slice(end);
  const start = end + rest.length - rest.trimStart().length;
  if (rest.includes('\n') || buffer[start] !== '<') return undefined;
  return htmlBlockEnd(buffer.slice(start), parseBlockHtml) === 'open' ? start : undefined;
}

export function createKramdownHtmlFlow(options: KramdownOptions): Construct {
  return { name: 'kramdownHtmlFlow', tokenize: createTokenizer(options), concrete: true };
}
