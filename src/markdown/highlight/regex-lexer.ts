import { rubyRegExp } from './ruby-regexp.js';
import type { Token, TokenKind } from './token-kinds.js';

// A state-machine lexer that runs the way Rouge's RegexLexer does, so that lexers written
// as Rouge's rules cut code into the same tokens. The top state's rules are tried in
// order (a mixin tries another state's rules in its place); the first that matches at
// the current position consumes its match and acts: yields tokens, pushes, pops or
// replaces states. Where nothing matches, one character becomes an Error token.
//
// Rouge scans with Ruby's StringScanner, which treats the current position as the start
// of the text: a lookbehind sees nothing before it and `\b` holds there before a word
// character. So each rule is matched against the rest of the text, not the whole text.

export type Action<Data> = (run: LexerRun<Data>) => void;

export type Rule<Data> =
  | { readonly mixin: string }
  | { readonly pattern: RegExp; readonly atLineStart: boolean; readonly action: Action<Data> };

export interface LexerState<Data> {
  readonly name: string;
  readonly rules: readonly Rule<Data>[];
}

/** What a rule does to the stack after yielding its token: pop, push the top again, or push a state. */
export type NextState = '#pop' | '#push' | (string & {});

export interface LexerDefinition<Data> {
  /** Rouge's tag for the language, and its aliases: the names code is marked with. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly states: Readonly<Record<string, readonly Rule<Data>[]>>;
  /** the state stack a lex starts with, bottom first */
  readonly initialStack: readonly string[];
  /** fresh per-lex data for rules that remember things (heredoc names, say) */
  readonly createData: () => Data;
}

// Rouge gives up on a rule after this many successive matches that consume nothing.
const MAX_NULL_STEPS = 5;

/** A rule: `pattern` (Ruby's sense, see ruby-regexp.ts) yielding `kind`, or running `action`. */
export function rule<Data>(pattern: RegExp, kind: TokenKind, next?: NextState): Rule<Data>;
export function rule<Data>(pattern: RegExp, action: Action<Data>): Rule<Data>;
export function rule<Data>(pattern: RegExp, effect: TokenKind | Action<Data>, next?: NextState): Rule<Data> {
  const compiled = rubyRegExp(pattern);
  const atLineStart = pattern.source.startsWith('^');
  if (typeof effect === 'function') return { pattern: compiled, atLineStart, action: effect };
  return {
    pattern: compiled,
    atLineStart,
    action: (run) => {
      run.token(effect);
      if (next === '#pop') run.pop();
      else if (next === '#push') run.push();
      else if (next !== undefined) run.push(next);
    },
  };
}

/** Try `name`'s rules here, in this place of the state's list. */
export function mixin<Data>(name: string): Rule<Data> {
  return { mixin: name };
}

/** The lexing of one text: the state stack, the current match and what has been yielded. */
export class LexerRun<Data> {
  readonly data: Data;
  match: RegExpExecArray = Object.assign([''], { index: 0, input: '' }) as RegExpExecArray;
  private readonly stack: LexerState<Data>[];
  private readonly tokens: Token[] = [];

  constructor(private readonly definition: LexerDefinition<Data>) {
    this.data = definition.createData();
    this.stack = definition.initialStack.map((name) => this.state(name));
  }

  /** Yield `value` (by default the whole match) as a token of `kind`. */
  token(kind: TokenKind, value: string | undefined = this.match[0]): void {
    if (value) this.tokens.push({ kind, value });
  }

  /** Yield each capture group of the match as a token of the corresponding kind. */
  groups(...kinds: (TokenKind | undefined)[]): void {
    kinds.forEach((kind, index) => {
      const value = this.match[index + 1];
      if (kind && value !== undefined) this.token(kind, value);
    });
  }

  /** Push a state (named, or built for this match), or the top one again. */
  push(state?: string | LexerState<Data>): void {
    this.stack.push(state === undefined ? this.top() : typeof state === 'string' ? this.state(state) : state);
  }

  pop(times = 1): void {
    if (this.stack.length === 0) throw new Error('empty lexer stack');
    this.stack.length = Math.max(0, this.stack.length - times);
  }

  /** Replace the top state. */
  goto(state: string): void {
    if (this.stack.length === 0) throw new Error('empty lexer stack');
    this.stack[this.stack.length - 1] = this.state(state);
  }

  /** Whether the top state is `name`. */
  isIn(name: string): boolean {
    return this.top().name === name;
  }

  /** Run the lexer over `text` and return the tokens it yielded. */
  lex(text: string): Token[] {
    let position = 0;
    let nullSteps = 0;
    while (position < text.length) {
      const rest = text.slice(position);
      const atLineStart = position === 0 || text[position - 1] === '\n';
      const step = this.step(this.top(), rest, atLineStart);
      if (step !== undefined) {
        nullSteps = step === 0 ? nullSteps + 1 : 0;
        if (nullSteps <= MAX_NULL_STEPS) {
          position += step;
          continue;
        }
      }
      const character = String.fromCodePoint(text.codePointAt(position)!);
      this.token('Error', character);
      position += character.length;
    }
    return this.tokens;
  }

  /** Apply the first rule of `state` that matches `rest`; the length consumed, or undefined. */
  private step(state: LexerState<Data>, rest: string, atLineStart: boolean): number | undefined {
    for (const candidate of state.rules) {
      if ('mixin' in candidate) {
        const consumed = this.step(this.state(candidate.mixin), rest, atLineStart);
        if (consumed !== undefined) return consumed;
        continue;
      }
      if (candidate.atLineStart && !atLineStart) continue;
      candidate.pattern.lastIndex = 0;
      const match = candidate.pattern.exec(rest);
      if (!match) continue;
      this.match = match;
      candidate.action(this);
      return match[0].length;
    }
    return undefined;
  }

  private top(): LexerState<Data> {
    const state = this.stack[this.stack.length - 1];
    if (!state) throw new Error('empty lexer stack');
    return state;
  }

  private state(name: string): LexerState<Data> {
    const rules = this.definition.states[name];
    if (!rules) throw new Error(`unknown lexer state ${name}`);
    return { name, rules };
  }
}

/** A language's lexer: its Rouge names and how it cuts code into tokens. */
export interface Lexer {
  /** Rouge's tag for the language, and its aliases: the names code is marked with. */
  readonly name: string;
  readonly aliases: readonly string[];
  /** `code` cut into tokens as Rouge's Lexer#lex yields them: none empty, no two neighbours of one kind. */
  tokens(code: string): Token[];
}

/** The lexer that runs `definition`'s rules. */
export function regexLexer<Data>(definition: LexerDefinition<Data>): Lexer {
  return {
    name: definition.name,
    aliases: definition.aliases,
    tokens(code) {
      const merged: Token[] = [];
      for (const token of new LexerRun(definition).lex(code)) {
        const last = merged[merged.length - 1];
        if (last && last.kind === token.kind) merged[merged.length - 1] = { kind: last.kind, value: last.value + token.value };
        else merged.push(token);
      }
      return merged;
    },
  };
}
