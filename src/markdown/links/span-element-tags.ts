import type { Html, PhrasingContent, Text } from 'mdast';
import type { SpanSequence } from '../source/span-sequence.js';
import { isRawText, spanElementOf } from '../inline/span-html.js';
import { HTML_ELEMENTS } from '../inline/span-tags.js';
import { spanElementEnds } from '../emphasis/span-elements.js';
import type { LinkSyntax } from './kramdown-link-scan.js';

const END_TAG = /^<\/([A-Za-z_:][\w:.-]*)\s*>$/;
const END_TAG_IN_TEXT = /<\/([A-Za-z_:][\w:.-]*)\s*>/g;

/**
 * The container's span HTML tags by position. The block stage paired each start tag with
 * its end tag; kramdown's scan may find an element's end tag taken by an emphasis or a
 * link in its content (the tag is then text and the element runs on to the end).
 */
export class SpanTags implements Pick<LinkSyntax, 'elementEnd' | 'elementName' | 'endTagName' | 'endTagEnd'> {
  private readonly childAt = new Map<number, number>();
  private readonly names = new Map<number, { name: string; parsed: boolean; end: number }>();
  /** Raw elements closed by an exact end tag later (or at the end): their written end tag's child index. */
  private readonly rawCloses = new Map<number, { closer: number; close: number; name: string }>();
  /** End tags by position: their names and where they end (text ones are several positions). */
  private readonly endTags = new Map<number, { name: string; end: number }>();

  constructor(
    private readonly sequence: SpanSequence,
    parseSpanHtml: boolean,
  ) {
    const { children } = sequence;
    const pairs = spanElementEnds(children);
    const starts: number[] = [];
    let position = 0;
    children.forEach((child, index) => {
      starts.push(position);
      if (child.type === 'html') {
        this.childAt.set(position, index);
        const end = END_TAG.exec(child.value);
        if (end) this.endTags.set(position, { name: end[1]!.toLowerCase(), end: position + 1 });
      }
      position += child.type === 'text' && !isRawText(child) ? child.value.length : 1;
    });
    pairs.forEach((end, index) => {
      const element = end >= 0 ? spanElementOf((children[index] as Html).value, parseSpanHtml) : undefined;
      if (!element) return;
      this.names.set(starts[index]!, { ...element, end: starts[end]! });
      if (!element.parsed) this.matchExactly(index, end, starts);
    });
    // end tags the block stage made text, as it found no element open for them
    for (const found of sequence.chars.matchAll(END_TAG_IN_TEXT)) {
      const at = found.index;
      let plain = true;
      for (let k = at; k < at + found[0].length && plain; k++) plain = sequence.isPlain(k);
      if (plain) this.endTags.set(at, { name: found[1]!.toLowerCase(), end: at + found[0].length });
    }
  }

  /**
   * kramdown matches the end tag of an element it does not know by its exact name
   * (`<Tag>` is not closed by `</tag>`): such an end tag is text in the raw content, which
   * runs on to an exact end tag, else to the end.
   */
  private matchExactly(start: number, end: number, starts: number[]): void {
    const { children } = this.sequence;
    const name = /^<([^\s/>]+)/.exec((children[start] as Html).value)![1]!;
    if (HTML_ELEMENTS.has(name.toLowerCase()) || END_TAG.exec((children[end] as Html).value)![1] === name) return;
    let close = children.length;
    for (let index = end + 1; index < children.length && close === children.length; index++) {
      const child = children[index]!;
      if (child.type === 'html' && END_TAG.exec(child.value)?.[1] === name) close = index;
    }
    this.rawCloses.set(starts[start]!, { closer: end, close: close < children.length ? starts[close]! : this.sequence.length, name });
  }

  elementEnd = (at: number): number => {
    const element = this.names.get(at);
    if (!element || element.parsed) return -1;
    const exact = this.rawCloses.get(at);
    return exact ? Math.min(exact.close + 1, this.sequence.length) : element.end + 1;
  };

  /** Some end tag became text (the container's children must be taken again). */
  get changed(): boolean {
    return this.rawCloses.size > 0;
  }

  elementName = (at: number): string => {
    const element = this.names.get(at);
    return element?.parsed ? element.name : '';
  };

  endTagName = (at: number): string => this.endTags.get(at)?.name ?? '';

  endTagEnd = (at: number): number => this.endTags.get(at)?.end ?? at + 1;

  /**
   * Makes the tags say what the scan found: an end tag it did not close its element with
   * is text, a text end tag it did close one with is a tag again (`revived`), and an
   * element it closed at the end gets an end tag there (`closers`).
   */
  settle(elements: Array<{ start: number; close: number }>): { closers: Html[]; revived: Array<{ start: number; end: number; node: Html }> } {
    const closers: Html[] = [];
    const revived: Array<{ start: number; end: number; node: Html }> = [];
    // an end tag the scan closed some element with stays a tag, whichever element it was written for
    const closing = new Set(elements.map(({ close }) => close));
    for (let index = elements.length - 1; index >= 0; index--) {
      const { start, close } = elements[index]!;
      const element = this.names.get(start)!;
      if (close === element.end) continue;
      const written = this.sequence.children[this.childAt.get(element.end)!]!;
      if (!closing.has(element.end)) (written as unknown as Text).type = 'text';
      if (close >= this.sequence.length) closers.push({ type: 'html', value: `</${element.name}>` });
      else if (!this.childAt.has(close)) {
        const end = this.endTagEnd(close);
        const node: Html = { type: 'html', value: this.sequence.chars.slice(close, end) };
        const position = this.sequence.positionOf(close, end);
        if (position) node.position = position;
        revived.push({ start: close, end, node });
      }
    }
    for (const { closer, close, name } of this.rawCloses.values()) {
      (this.sequence.children[closer] as unknown as Text).type = 'text';
      if (close >= this.sequence.length) closers.push({ type: 'html', value: `</${name}>` });
    }
    return { closers, revived };
  }
}
