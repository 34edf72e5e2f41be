// Rouge's lexers match Ruby (Onigmo) regular expressions, whose meaning differs from
// JavaScript's in a few places. Lexer rules here are written as regex literals in Ruby's
// sense and translated once:
//   \s \S    ASCII whitespace only (JavaScript's \s also takes Unicode spaces)
//   \h       a hex digit
//   \b \B    a Unicode word boundary (Ruby's \w is ASCII, but its \b is not)
//   $ ^      end / start of a line (before \n / after \n) or of the text
//   .        any character but \n; any at all with the `s` flag (Ruby's /m)
//   \A \z    start / end of the text
// Escaped punctuation that JavaScript's unicode mode rejects (`\#`) becomes the
// character itself. Nested character classes are not supported.

const WORD = String.raw`[\p{L}\p{M}\p{Nd}\p{Pc}]`;
const SPACE = String.raw` \t\n\v\f\r`;
const SYNTAX = new Set('^$\\.*+?()[]{}|/');
const CLASS_SYNTAX = new Set('\\]^-[');

const OUTSIDE_CLASS: Record<string, string> = {
  s: `[${SPACE}]`,
  S: `[^${SPACE}]`,
  h: '[0-9a-fA-F]',
  b: `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`,
  B: `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
  A: String.raw`(?<![\s\S])`,
  z: String.raw`(?![\s\S])`,
};
const INSIDE_CLASS: Record<string, string> = { s: SPACE, h: '0-9a-fA-F' };

/**
 * The JavaScript regex (sticky, unicode) that matches what the Ruby regex `pattern`
 * matches; flags: `i` as in Ruby, `s` for Ruby's `m`.
 */
export function rubyRegExp(pattern: RegExp): RegExp {
  const source = pattern.source;
  const dotAll = pattern.flags.includes('s');
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[++i] ?? '';
      out += inClass ? classEscape(next) : escape(next);
    } else if (inClass) {
      if (char === '[') throw new Error(`nested character class in ${source}`);
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else if (char === '$') {
      out += String.raw`(?=\n|(?![\s\S]))`;
    } else if (char === '^') {
      out += String.raw`(?:(?<=\n)|(?<![\s\S]))`;
    } else if (char === '.') {
      out += dotAll ? String.raw`[\s\S]` : String.raw`[^\n]`;
    } else {
      out += char;
    }
  }
  return new RegExp(out, `uy${pattern.flags.includes('i') ? 'i' : ''}`);
}

function escape(char: string): string {
  if (Object.hasOwn(OUTSIDE_CLASS, char)) return OUTSIDE_CLASS[char]!;
  if (/[A-Za-z0-9]/.test(char)) return `\\${char}`;
  return SYNTAX.has(char) ? `\\${char}` : char;
}

function classEscape(char: string): string {
  if (Object.hasOwn(INSIDE_CLASS, char)) return INSIDE_CLASS[char]!;
  if (char === 'S' || char === 'b') throw new Error(`unsupported \\${char} in a character class`);
  if (/[A-Za-z0-9]/.test(char)) return `\\${char}`;
  return CLASS_SYNTAX.has(char) ? `\\${char}` : char;
}

/** `text` escaped for use, literally, inside a Ruby-sense pattern's source. */
export function escapeForPattern(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/#-]/g, '\\$&');
}
