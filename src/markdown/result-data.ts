import type { VFile } from 'vfile';
import type { Heading, LinkReference, MarkdownDiagnostic } from './types.js';

// What the Markdown plugins report besides HTML travels on the VFile of the one document
// being rendered, so nothing is shared between documents.

interface ResultData {
  markdownDiagnostics?: MarkdownDiagnostic[];
  markdownHeadings?: Heading[];
  markdownLinks?: LinkReference[];
}

function data(file: VFile): ResultData {
  return file.data as ResultData;
}

export function reportWarning(file: VFile, rule: string, line: number, column: number, message: string): void {
  (data(file).markdownDiagnostics ??= []).push({ line, column, severity: 'warning', rule, message });
}

export function diagnosticsOf(file: VFile): MarkdownDiagnostic[] {
  return data(file).markdownDiagnostics ?? [];
}

export function setHeadings(file: VFile, headings: Heading[]): void {
  data(file).markdownHeadings = headings;
}

export function headingsOf(file: VFile): Heading[] {
  return data(file).markdownHeadings ?? [];
}

export function setLinks(file: VFile, links: LinkReference[]): void {
  data(file).markdownLinks = links;
}

export function linksOf(file: VFile): LinkReference[] {
  return data(file).markdownLinks ?? [];
}
