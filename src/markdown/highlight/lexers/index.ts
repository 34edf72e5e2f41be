import type { Lexer } from '../regex-lexer.js';
import { rubyLexer } from './ruby.js';

// The languages faro highlights as Rouge does, found by Rouge's tag or an alias (as
// written: Rouge's names are case-sensitive). Rouge knows many more (rouge-lexers.ts);
// code in those is printed unhighlighted until a lexer is added here.

const LEXERS: readonly Lexer[] = [rubyLexer];

const BY_NAME = new Map<string, Lexer>(LEXERS.flatMap((lexer) => [lexer.name, ...lexer.aliases].map((name) => [name, lexer] as const)));

/** The lexer for `language` (a name, with any Rouge `?options` after it), if faro has one. */
export function findLexer(language: string): Lexer | undefined {
  return BY_NAME.get(language.split('?')[0]!);
}
