import type { Element, ElementContent, Text as HastText } from 'hast';
import type { Root } from 'mdast';
import type { AbbreviationDefinition } from './abbreviation-syntax.js';
import { forEachNode } from './tree.js';

// kramdown replaces every occurrence of a defined abbreviation in the document's text
// (wherever it is defined; the last definition of a name wins) with <abbr>. A match
// must stand on word boundaries (ASCII word characters, as in Ruby): preceded by a
// non-word character or a line start and not followed by a word character. Longer
// names are tried first. An IAL on the definition gives every <abbr> its attributes.

export interface Abbreviation {
  title: string;
  properties: Record<string, unknown>;
}

export interface AbbreviationMatcher {
  abbreviations: Map<string, Abbreviation>;
  find: RegExp;
  name: RegExp;
}

/** The document's abbreviations, or undefined when it defines none. */
export function collectAbbreviations(tree: Root): AbbreviationMatcher | undefined {
  const abbreviations = new Map<string, Abbreviation>();
  forEachNode<AbbreviationDefinition>(tree, 'kramdownAbbreviationDefinition', (definition) => {
    const properties = (definition.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties ?? {};
    abbreviations.set(definition.name, { title: definition.title, properties });
  });
  if (abbreviations.size === 0) return undefined;
  const alternatives = [...abbreviations.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return {
    abbreviations,
    find: new RegExp(`(?=(?:[^A-Za-z0-9_]|^)(?:${alternatives})(?![A-Za-z0-9_]))`, 'gm'),
    name: new RegExp(`(?:${alternatives})`, 'y'),
  };
}

/** Splits a text into text and abbreviation parts. */
export function splitAbbreviations(text: string, matcher: AbbreviationMatcher): Array<string | { name: string }> {
  const parts: Array<string | { name: string }> = [];
  let done = 0;
  let searchFrom = 0;
  while (searchFrom <= text.length) {
    matcher.find.lastIndex = searchFrom;
    const found = matcher.find.exec(text);
    if (!found) break;
    let at = found.index;
    matcher.name.lastIndex = at;
    let name = matcher.name.exec(text);
    if (!name) {
      at++;
      matcher.name.lastIndex = at;
      name = matcher.name.exec(text);
    }
    if (!name) {
      searchFrom = found.index + 1;
      continue;
    }
    if (at > done) parts.push(text.slice(done, at));
    parts.push({ name: name[0] });
    done = searchFrom = at + name[0].length;
  }
  if (done < text.length) parts.push(text.slice(done));
  return parts;
}

/** A hast text node with its abbreviations turned into <abbr> elements. */
export function abbreviateText(node: HastText, matcher: AbbreviationMatcher): ElementContent[] {
  const parts = splitAbbreviations(node.value, matcher);
  if (parts.length === 1 && typeof parts[0] === 'string') return [node];
  return parts.map((part): ElementContent => {
    if (typeof part === 'string') return { type: 'text', value: part };
    const abbreviation = matcher.abbreviations.get(part.name)!;
    const properties = { ...abbreviation.properties } as Element['properties'];
    if (abbreviation.title !== '') properties.title = abbreviation.title;
    return { type: 'element', tagName: 'abbr', properties, children: [{ type: 'text', value: part.name }] };
  });
}
