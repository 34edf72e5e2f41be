import type { Root, Text } from 'mdast';
import type { Processor } from 'unified';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';

// remark decodes backslash escapes and character references straight into text values,
// but kramdown treats them differently from plain characters: an escaped quote is never
// made smart, `\&` keeps its backslash, `\\` at a line end is a line break. So while the
// tree is built we remember, on each text node, which parts of its value came from an
// escape or a reference and what the author wrote there.

/** A part of a text node's value that the author wrote as an escape or a character reference. */
export interface TextLiteral {
  /** Offsets into the text node's value. */
  start: number;
  end: number;
  /** What the author wrote, e.g. `\"` or `&quot;`. */
  source: string;
}

interface TextWithLiterals extends Text {
  data?: Text['data'] & { literals?: TextLiteral[] };
}

/** The escapes and references recorded for a text node (empty when it has none). */
export function textLiterals(node: Text): TextLiteral[] {
  return (node as TextWithLiterals).data?.literals ?? [];
}

/** Replaces the recorded literals of a text node (after its value was cut or glued). */
export function setTextLiterals(node: Text, literals: TextLiteral[]): void {
  const data = ((node as TextWithLiterals).data ??= {}) as NonNullable<TextWithLiterals['data']>;
  if (literals.length > 0) data.literals = literals;
  else delete data.literals;
}

/** Cuts a text node's value to `value.slice(start, end)`, keeping its literals in step. */
export function sliceText(node: Text, start: number, end: number = node.value.length): void {
  const kept = textLiterals(node)
    .filter((literal) => literal.start >= start && literal.end <= end)
    .map((literal) => ({ ...literal, start: literal.start - start, end: literal.end - start }));
  node.value = node.value.slice(start, end);
  setTextLiterals(node, kept);
}

/** The node's text with its escapes and references written as the author wrote them. */
export function writtenText(node: Text): string {
  let out = '';
  let at = 0;
  for (const literal of [...textLiterals(node)].sort((a, b) => a.start - b.start)) {
    if (literal.start < at) continue;
    out += node.value.slice(at, literal.start) + literal.source;
    at = literal.end;
  }
  return out + node.value.slice(at);
}

/** Drops the recorded literals of a text node, once its value no longer matches them. */
export function clearTextLiterals(node: Text): void {
  const data = (node as TextWithLiterals).data;
  if (data) delete data.literals;
}

interface LiteralState {
  literalStart?: number;
}

function point(place: Token['start']) {
  return { line: place.line, column: place.column, offset: place.offset };
}

// Same as from-markdown's own handler for text data: reuse the text node in progress or start one.
function enterLiteral(this: CompileContext, token: Token): undefined {
  const parent = this.stack[this.stack.length - 1] as unknown as { children: Array<{ type: string }> };
  let tail = parent.children[parent.children.length - 1] as TextWithLiterals | undefined;
  if (!tail || tail.type !== 'text') {
    tail = { type: 'text', value: '', position: { start: point(token.start), end: point(token.start) } };
    parent.children.push(tail);
  }
  (this.data as LiteralState).literalStart = tail.value.length;
  this.stack.push(tail as never);
  return undefined;
}

function record(context: CompileContext, tail: TextWithLiterals, token: Token): void {
  const start = (context.data as LiteralState).literalStart ?? tail.value.length;
  const data = (tail.data ??= {}) as NonNullable<TextWithLiterals['data']>;
  (data.literals ??= []).push({ start, end: tail.value.length, source: context.sliceSerialize(token) });
}

function exitEscapeValue(this: CompileContext, token: Token): undefined {
  const tail = this.stack.pop() as unknown as TextWithLiterals;
  tail.value += this.sliceSerialize(token);
  tail.position!.end = point(token.end);
  return undefined;
}

function exitEscape(this: CompileContext, token: Token): undefined {
  const parent = this.stack[this.stack.length - 1] as unknown as { children: TextWithLiterals[] };
  const tail = parent.children[parent.children.length - 1];
  if (tail && tail.type === 'text') record(this, tail, token);
  return undefined;
}

function exitReference(this: CompileContext, token: Token): undefined {
  const tail = this.stack.pop() as unknown as TextWithLiterals;
  tail.position!.end = point(token.end);
  record(this, tail, token);
  return undefined;
}

/** from-markdown extension recording escapes and character references on text nodes. */
export function textLiteralsFromMarkdown(): FromMarkdownExtension {
  return {
    enter: { characterEscape: enterLiteral, characterReference: enterLiteral },
    exit: { characterEscapeValue: exitEscapeValue, characterEscape: exitEscape, characterReference: exitReference },
  };
}

/** remark plugin: keeps track of escapes and references so kramdown's span rules can see them. */
export function remarkTextLiterals(this: Processor<Root>): void {
  const data = this.data() as { fromMarkdownExtensions?: FromMarkdownExtension[] };
  (data.fromMarkdownExtensions ??= []).push(textLiteralsFromMarkdown());
}
