import type { Diagnostic } from '../diagnostics.js';

export interface Heading {
  depth: number;
  id: string;
  /** Plain text of the heading, as it reads. */
  text: string;
}

export interface LinkReference {
  kind: 'link' | 'image';
  href: string;
  /** 1-based position in the Markdown text that was rendered. */
  line: number;
  column: number;
}

/** Findings of the Markdown stage; `file` is filled in by the caller. */
export type MarkdownDiagnostic = Omit<Diagnostic, 'file' | 'sourceLine'>;

export interface MarkdownResult {
  html: string;
  headings: Heading[];
  links: LinkReference[];
  diagnostics: MarkdownDiagnostic[];
}
