import type { FootnoteDefinition, FootnoteReference, Parent, Root } from 'mdast';
import type { Parent as UnistParent } from 'unist';
import { forEachNode } from './tree.js';

// kramdown matches a footnote marker to its definition by exact name (micromark does it
// case-insensitively); a marker without a definition stays as the text it was, and when
// a name is defined twice the last definition wins. Unreferenced definitions print
// nothing.

export interface FootnoteProblem {
  kind: 'undefined' | 'duplicate' | 'unreferenced';
  name: string;
  line: number;
  column: number;
}

interface RootWithFootnotes extends Root {
  data?: Root['data'] & { kramdownFootnotes?: Map<string, FootnoteDefinition> };
}

/** The definitions by name, as `resolveFootnotes` left them on the root. */
export function footnoteDefinitions(tree: Root): Map<string, FootnoteDefinition> {
  return (tree as RootWithFootnotes).data?.kramdownFootnotes ?? new Map();
}

/** Applies kramdown's footnote name rules to the tree; returns what an author should hear about. */
export function resolveFootnotes(tree: Root): FootnoteProblem[] {
  const problems: FootnoteProblem[] = [];
  const definitions = new Map<string, FootnoteDefinition>();
  const at = (node: FootnoteDefinition | FootnoteReference) => ({
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  });
  forEachNode<FootnoteDefinition>(tree, 'footnoteDefinition', (definition) => {
    const name = definition.label ?? definition.identifier;
    if (definitions.has(name)) problems.push({ kind: 'duplicate', name, ...at(definition) });
    definitions.set(name, definition);
  });
  const referenced = new Set<string>();
  const unmatched: Array<[FootnoteReference, Parent]> = [];
  forEachNode<FootnoteReference>(tree, 'footnoteReference', (reference, parent) => {
    const name = reference.label ?? reference.identifier;
    if (definitions.has(name)) referenced.add(name);
    else if (parent) unmatched.push([reference, parent as UnistParent as Parent]);
  });
  for (const [reference, parent] of unmatched) {
    const name = reference.label ?? reference.identifier;
    problems.push({ kind: 'undefined', name, ...at(reference) });
    const index = parent.children.indexOf(reference);
    parent.children.splice(index, 1, { type: 'text', value: `[^${name}]`, position: reference.position });
  }
  for (const [name, definition] of definitions) {
    if (!referenced.has(name)) problems.push({ kind: 'unreferenced', name, ...at(definition) });
  }
  const data = ((tree as RootWithFootnotes).data ??= {});
  data.kramdownFootnotes = definitions;
  return problems;
}

export function footnoteMessage(problem: FootnoteProblem): string {
  switch (problem.kind) {
    case 'undefined':
      return `no footnote definition for "[^${problem.name}]"; it is printed as plain text`;
    case 'duplicate':
      return `footnote "${problem.name}" is defined again; the last definition is used`;
    case 'unreferenced':
      return `footnote definition "${problem.name}" is never referenced and is left out`;
  }
}
