import type { ElementContent } from 'hast';
import { findLexer } from './lexers/index.js';
import { shortName, type Token } from './token-kinds.js';

// Rouge's HTML formatter, as kramdown uses it for code spans (no wrapper): each token a
// <span> with its kind's short class, plain Text bare.

/** Hast for tokens, as Rouge's HTML formatter prints them. */
export function tokensToHast(tokens: readonly Token[]): ElementContent[] {
  return tokens.map(({ kind, value }): ElementContent => {
    const className = shortName(kind);
    if (className === '') return { type: 'text', value };
    return { type: 'element', tagName: 'span', properties: { className: [className] }, children: [{ type: 'text', value }] };
  });
}

/**
 * `code` highlighted in `language` as Rouge's lexer and HTML formatter would, or
 * undefined when faro has no lexer for the language (or the lexer fails, where Rouge
 * would have raised).
 */
export function highlightAsRouge(code: string, language: string): ElementContent[] | undefined {
  const lexer = findLexer(language);
  if (!lexer) return undefined;
  try {
    return tokensToHast(lexer.tokens(code));
  } catch {
    return undefined;
  }
}
