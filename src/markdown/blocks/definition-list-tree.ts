import type { BlockContent, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import { joinParagraphLines, lineText, splitParagraphLines } from '../attributes/paragraph-lines.js';
import { ALD_LINE, BLOCK_IAL_LINE, emptyAttributeList, parseAttributeList } from '../attributes/attribute-list.js';
import { attachAttributeList } from '../attributes/attribute-data.js';
import { sliceText } from '../source/text-literals.js';
import { ATTRIBUTE_LIST_LINE } from './block-start.js';
import { forEachParentBottomUp } from './tree.js';

// Turns the definitions the parser found into kramdown definition lists: the paragraph
// right before a first definition gives one term per line; definitions that follow
// each other join the same list, and a list right before the terms' paragraph takes
// the new terms and definitions too. A definition's first paragraph is printed without
// <p> unless a blank line came before the definition's `:` line.

export interface DefinitionList extends Parent {
  type: 'kramdownDefinitionList';
  children: Array<DefinitionTerm | DefinitionDescription>;
}

export interface DefinitionTerm extends Parent {
  type: 'kramdownDefinitionTerm';
  children: PhrasingContent[];
}

export interface DefinitionDescription extends Parent {
  type: 'kramdownDefinitionDescription';
  children: BlockContent[];
  data?: Parent['data'] & { kramdownTransparentFirst?: boolean };
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownDefinitionList: DefinitionList;
    kramdownDefinitionTerm: DefinitionTerm;
    kramdownDefinitionDescription: DefinitionDescription;
  }
  interface BlockContentMap {
    kramdownDefinitionList: DefinitionList;
  }
}

export const kramdownDefinitionFromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownDefinition(this: CompileContext, token: Token) {
      this.enter({ type: 'kramdownDefinitionDescription', children: [] }, token);
    },
  },
  exit: {
    kramdownDefinition(this: CompileContext, token: Token) {
      this.exit(token);
    },
    kramdownDefinitionAttributes(this: CompileContext, token: Token) {
      const text = this.sliceSerialize(token).trim();
      const list = emptyAttributeList();
      parseAttributeList(text.slice(2, -1), list);
      const node = this.stack.at(-1) as DefinitionDescription;
      attachAttributeList(node as never, list, { line: token.start.line, column: token.start.column });
    },
  },
};

/** Groups definitions and their terms into definition lists; needs the document's source. */
export function buildDefinitionLists(tree: Root, source: string): void {
  const lines = source.split(/\r?\n|\r/);
  const emptyLineBefore = (node: RootContent) => {
    const line = node.position?.start.line;
    return line !== undefined && line >= 2 && lines[line - 2] === '';
  };
  forEachParentBottomUp(tree, (parent) => {
    if (!parent.children.some((child) => child.type === 'kramdownDefinitionDescription')) return;
    const out: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      if (child.type !== 'kramdownDefinitionDescription') {
        out.push(child);
        continue;
      }
      const previous = out.at(-1);
      const first = child.children[0];
      if (first?.type === 'paragraph' && !emptyLineBefore(child)) (child.data ??= {}).kramdownTransparentFirst = true;
      if (previous?.type === 'kramdownDefinitionList') {
        previous.children.push(child);
        extendPosition(previous, child);
      } else if (previous?.type === 'paragraph') {
        out.pop();
        const { terms, rest } = termsOf(previous);
        if (rest) out.push(rest);
        // IAL lines standing alone (after a blank line) between a list and new terms are no
        // block for kramdown: the list goes on (and their attributes are lost). Right below
        // the list they are the list's.
        const between = out.at(-1);
        const list = out.at(-2);
        if (between?.type === 'paragraph' && list?.type === 'kramdownDefinitionList' && onlyBlockIals(between) && !adjacent(list, between)) out.pop();
        const before = out.at(-1);
        if (before?.type === 'kramdownDefinitionList') {
          before.children.push(...terms, child);
          extendPosition(before, child);
        } else {
          const list: DefinitionList = { type: 'kramdownDefinitionList', children: [...terms, child] };
          const start = terms[0]?.position?.start ?? previous.position?.start;
          if (start && child.position) list.position = { start, end: child.position.end };
          out.push(list);
        }
      } else {
        out.push(...asParagraphText(child));
      }
    }
    parent.children = out as typeof parent.children;
  });
}

/**
 * The terms in a paragraph: its lines after the last attribute list line (kramdown ends
 * a paragraph there, so lines before it are a paragraph of their own, which is returned
 * to stay in the document). A term line may start with an IAL of its own.
 */
function termsOf(paragraph: Paragraph): { terms: DefinitionTerm[]; rest?: Paragraph } {
  const lines = splitParagraphLines(paragraph);
  let first = 0;
  lines.forEach((line, index) => {
    const text = lineText(line);
    if (text !== undefined && ATTRIBUTE_LIST_LINE.test(text)) first = index + 1;
  });
  const terms = lines.slice(first).map((line) => {
    const term: DefinitionTerm = { type: 'kramdownDefinitionTerm', children: line.nodes };
    if (line.line !== undefined) term.position = { start: { line: line.line, column: 1 }, end: { line: line.line, column: 1 } };
    takeTermAttributes(term);
    return term;
  });
  if (first === 0) return { terms };
  return { terms, rest: { ...paragraph, children: joinParagraphLines(lines.slice(0, first)) } };
}

function adjacent(before: RootContent, after: RootContent): boolean {
  const end = before.position?.end.line;
  return end !== undefined && after.position?.start.line === end + 1;
}

function onlyBlockIals(paragraph: Paragraph): boolean {
  return splitParagraphLines(paragraph).every((line) => {
    const text = lineText(line);
    return text !== undefined && BLOCK_IAL_LINE.test(text) && !ALD_LINE.test(text);
  });
}

const TERM_ATTRIBUTES = /^\s*\{:(?!(?:[A-Za-z0-9_][\w-]*)?:|\/)((?:\\\}|[^}])+)\}\s*/;

function takeTermAttributes(term: DefinitionTerm): void {
  const head = term.children[0];
  if (head?.type !== 'text') return;
  const match = TERM_ATTRIBUTES.exec(head.value);
  if (!match) return;
  const list = emptyAttributeList();
  parseAttributeList(match[1]!, list);
  attachAttributeList(term as never, list, head.position ? { line: head.position.start.line, column: head.position.start.column } : undefined);
  sliceText(head, match[0].length);
  if (head.value === '') term.children.shift();
}

function extendPosition(list: DefinitionList, child: DefinitionDescription): void {
  if (list.position && child.position) list.position = { start: list.position.start, end: child.position.end };
}

/** A definition with no terms before it is, for kramdown, a paragraph starting with `:`. */
function asParagraphText(description: DefinitionDescription): RootContent[] {
  const [first, ...rest] = description.children;
  const marker: PhrasingContent = { type: 'text', value: ': ' };
  if (first?.type === 'paragraph') return [{ ...first, children: [marker, ...first.children] }, ...rest];
  return [{ type: 'paragraph', children: [{ type: 'text', value: ':' }] }, ...description.children];
}
