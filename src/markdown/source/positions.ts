import type { Text } from 'mdast';
import { valueOffsets, type SourceIndex } from './offsets.js';

export interface SourceSite {
  line: number;
  column: number;
}

/**
 * Where positions inside text nodes were written (1-based line and column), for messages.
 * Escapes and references count with their written length. Each node's offsets are worked
 * out once, so many messages about one long text stay cheap; use one instance per pass,
 * as the nodes must not change in between.
 */
export class TextSites {
  private readonly offsets = new WeakMap<Text, Int32Array | undefined>();

  constructor(private readonly index: SourceIndex) {}

  siteAt(text: Text, offset: number): SourceSite {
    if (!this.offsets.has(text)) this.offsets.set(text, valueOffsets(text, this.index));
    const offsets = this.offsets.get(text);
    if (!offsets) return { line: text.position?.start.line ?? 1, column: text.position?.start.column ?? 1 };
    const { line, column } = this.index.pointAt(offsets[Math.min(offset, text.value.length)]!);
    return { line, column };
  }

  /** To call after a node's value was changed. */
  forget(text: Text): void {
    this.offsets.delete(text);
  }
}
