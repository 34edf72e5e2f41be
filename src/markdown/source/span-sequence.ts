import type { Point } from 'unist';
import type { PhrasingContent, Text } from 'mdast';
import { sliceText, textLiterals, type TextLiteral } from './text-literals.js';
import { valueOffsets, type SourceIndex } from './offsets.js';

// The inline children of one container seen as a single string, the way kramdown's span
// parser scans it: the characters of text nodes, and one placeholder per other node
// (code span, HTML tag, break...), which kramdown's own parsers would have consumed whole.
// Escaped and referenced characters are kept apart, since they never delimit anything,
// and what the author wrote at each position stays available: kramdown reads link targets
// and image alt texts as written.

const ATOM = '\uFFFC';
const PLAIN = 0;
const LITERAL = 1;
const LITERAL_REST = 2;
const ATOM_KIND = 3;

export class SpanSequence {
  readonly chars: string;
  readonly length: number;
  private readonly childOf: Int32Array;
  private readonly childStart: number[] = [];
  private readonly atomChild: boolean[] = [];
  private readonly kind: Uint8Array;
  /** The literal starting at a position, and an atom's source, where one is known. */
  private readonly literalAt = new Map<number, TextLiteral & { value: string }>();
  private readonly atomSource = new Map<number, string>();
  private readonly offsets = new Map<Text, Int32Array | undefined>();
  private writtenCache?: { text: string; starts: Int32Array; positions: Int32Array };

  constructor(
    readonly children: PhrasingContent[],
    private readonly index: SourceIndex,
    isAtom: (node: PhrasingContent) => boolean,
  ) {
    let chars = '';
    const owners: number[] = [];
    const kinds: number[] = [];
    children.forEach((child, childIndex) => {
      this.childStart.push(chars.length);
      this.atomChild.push(child.type !== 'text' || isAtom(child));
      if (child.type === 'text' && !this.atomChild[childIndex]) {
        const start = chars.length;
        chars += child.value;
        for (let k = 0; k < child.value.length; k++) {
          owners.push(childIndex);
          kinds.push(PLAIN);
        }
        for (const literal of textLiterals(child)) {
          if (literal.end <= literal.start || kinds[start + literal.start] !== PLAIN) continue;
          for (let k = literal.start; k < literal.end; k++) kinds[start + k] = LITERAL_REST;
          kinds[start + literal.start] = LITERAL;
          this.literalAt.set(start + literal.start, { ...literal, value: child.value.slice(literal.start, literal.end) });
        }
        return;
      }
      const written = this.sourceOf(child);
      if (written !== undefined) this.atomSource.set(chars.length, written);
      chars += ATOM;
      owners.push(childIndex);
      kinds.push(ATOM_KIND);
    });
    this.childStart.push(chars.length);
    this.chars = chars;
    this.length = chars.length;
    this.childOf = Int32Array.from(owners);
    this.kind = Uint8Array.from(kinds);
  }

  /** True when position `at` holds a plain character (not escaped, referenced or an atom). */
  isPlain(at: number): boolean {
    return at >= 0 && at < this.length && this.kind[at] === PLAIN;
  }

  /** The plain `*` or `_` at `at` (one kramdown may read as emphasis), else ''. */
  delimiterAt(at: number): string {
    const c = this.chars[at];
    return (c === '*' || c === '_') && this.kind[at] === PLAIN ? c : '';
  }

  /** The source character the author wrote first at position `at` ('' past the end). */
  writtenAt(at: number): string {
    if (at >= this.length) return '';
    return this.writtenForm(at)[0] ?? '';
  }

  /** The source character the author wrote right before position `at` ('' at the start). */
  writtenBefore(at: number): string {
    let k = at - 1;
    while (k >= 0 && this.kind[k] === LITERAL_REST) k--;
    if (k < 0) return '';
    return this.writtenForm(k).at(-1) ?? '';
  }

  /**
   * The container as the author wrote it (escapes, references and atoms in their source
   * form), with where each position starts in it and, back, the position starting at
   * each of its offsets (-1 inside a position's written form).
   */
  written(): { text: string; starts: Int32Array; positions: Int32Array } {
    if (this.writtenCache) return this.writtenCache;
    const starts = new Int32Array(this.length + 1);
    const parts: string[] = [];
    let size = 0;
    for (let at = 0; at < this.length; at++) {
      starts[at] = size;
      if (this.kind[at] === LITERAL_REST) continue;
      const form = this.writtenForm(at);
      parts.push(form);
      size += form.length;
    }
    starts[this.length] = size;
    const positions = new Int32Array(size + 1).fill(-1);
    for (let at = this.length; at >= 0; at--) if (at === this.length || this.kind[at] !== LITERAL_REST) positions[starts[at]!] = at;
    this.writtenCache = { text: parts.join(''), starts, positions };
    return this.writtenCache;
  }

  /**
   * The text of positions `from` to `to` as kramdown keeps a link target: as written, but
   * with character references decoded (a browser decodes the ones kramdown leaves in the
   * attribute); `unescape` lists the characters whose backslash escapes are dropped.
   */
  targetText(from: number, to: number, unescape = ''): string {
    let out = '';
    for (let at = from; at < to; at++) {
      const kind = this.kind[at];
      if (kind === PLAIN) out += this.chars[at];
      else if (kind === ATOM_KIND) out += this.writtenForm(at);
      else if (kind === LITERAL) {
        const literal = this.literalAt.get(at)!;
        const escape = literal.source.startsWith('\\');
        out += escape && !unescape.includes(literal.value) ? literal.source : literal.value;
      }
    }
    return out;
  }

  /** The nodes for the positions `from` to `to`: pieces of text nodes and whole atoms. */
  slice(from: number, to: number): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    let at = from;
    while (at < to) {
      const childIndex = this.childOf[at]!;
      const child = this.children[childIndex]!;
      const start = this.childStart[childIndex]!;
      const end = Math.min(this.childStart[childIndex + 1]!, to);
      if (child.type === 'text' && !this.atomChild[childIndex]) out.push(this.textPiece(child, at - start, end - start));
      else out.push(child);
      at = end;
    }
    return out;
  }

  /** The source offset where position `at` was written (the container's end at its length). */
  offsetAt(at: number): number | undefined {
    if (this.length === 0) return undefined;
    if (at >= this.length) return this.index.offsetOf(this.children[this.childOf[this.length - 1]!]!.position?.end);
    const childIndex = this.childOf[at]!;
    const child = this.children[childIndex]!;
    if (child.type === 'text' && !this.atomChild[childIndex]) return this.textOffsets(child)?.[at - this.childStart[childIndex]!];
    return this.index.offsetOf(child.position?.start);
  }

  pointAt(offset: number): Point {
    return this.index.pointAt(offset);
  }

  /** A position for the positions `from` to `to`, when their source offsets are known. */
  positionOf(from: number, to: number): { start: Point; end: Point } | undefined {
    const start = this.offsetAt(from);
    const end = this.offsetAt(to);
    return start === undefined || end === undefined ? undefined : { start: this.pointAt(start), end: this.pointAt(end) };
  }

  private writtenForm(at: number): string {
    const kind = this.kind[at];
    if (kind === ATOM_KIND) return this.atomSource.get(at) ?? ATOM;
    if (kind === LITERAL) return this.literalAt.get(at)!.source;
    return this.chars[at]!;
  }

  private textPiece(node: Text, start: number, end: number): Text {
    if (start === 0 && end === node.value.length) return node;
    const piece: Text = { type: 'text', value: node.value, data: node.data ? { ...node.data } : undefined };
    sliceText(piece, start, end);
    const offsets = this.textOffsets(node);
    if (offsets) piece.position = { start: this.index.pointAt(offsets[start]!), end: this.index.pointAt(offsets[end]!) };
    return piece;
  }

  private textOffsets(node: Text): Int32Array | undefined {
    if (!this.offsets.has(node)) this.offsets.set(node, valueOffsets(node, this.index));
    return this.offsets.get(node);
  }

  private sourceOf(node: PhrasingContent): string | undefined {
    const start = this.index.offsetOf(node.position?.start);
    const end = this.index.offsetOf(node.position?.end);
    if (start !== undefined && end !== undefined && end > start) return this.index.source.slice(start, end);
    return node.type === 'text' ? node.value : undefined;
  }
}
