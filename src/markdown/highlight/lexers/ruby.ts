import { mixin, regexLexer, rule, type Lexer, type LexerRun, type LexerState, type Rule } from '../regex-lexer.js';
import { escapeForPattern } from '../ruby-regexp.js';
import type { TokenKind } from '../token-kinds.js';

// Ruby, as Rouge 3.30's Ruby lexer cuts it (so that Jekyll's highlighted code spans come
// out the same): the lexer starts expecting an expression; after a name or a constant it
// is in a method call, where `/` and `%` are operators, not the start of a regex or a
// %-string. Heredocs are queued when their `<<NAME` is met and read from the next line.
// Rouge's lookbehinds (`(?<!\.)` before builtins and backticks, `(?<!\w)` before heredocs)
// are left out: its scanner never sees behind the current position, so they always hold.

interface RubyData {
  /** heredocs opened on the current line, in order: name, and whether `<<-`/`<<~` lets the end be indented */
  readonly heredocs: { tolerant: boolean; name: string }[];
}
type RubyRule = Rule<RubyData>;
type RubyRun = LexerRun<RubyData>;

const words = (list: string) => list.trim().split(/\s+/).join('|');

const KEYWORDS = words(`
  BEGIN END alias begin break case defined\\? do else elsif end ensure for if in next redo
  rescue raise retry return super then undef unless until when while yield`);
const PSEUDO_KEYWORDS = words(`
  loop include extend raise alias_method attr catch throw private module_function public
  protected true false nil __FILE__ __LINE__`);
// builtins that are called with a `?`, with a `!`, and plainly
const QUERY_BUILTINS = words(`
  autoload block_given const_defined eql equal frozen include instance_of is_a iterator
  kind_of method_defined nil private_method_defined protected_method_defined
  public_method_defined respond_to tainted`);
const BANG_BUILTINS = words('chomp chop exit gsub sub');
const BUILTINS = words(`
  attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit autoload
  binding callcc caller catch chomp chop class_eval class_variables clone const_defined\\?
  const_get const_missing const_set constants display dup eval exec exit extend fail fork
  format freeze getc gets global_variables gsub hash id included_modules inspect
  instance_eval instance_method instance_methods instance_variable_get
  instance_variable_set instance_variables lambda load local_variables loop method
  method_missing methods module_eval name object_id open p print printf
  private_class_method private_instance_methods private_methods proc
  protected_instance_methods protected_methods public_class_method public_instance_methods
  public_methods putc puts raise rand readline readlines require require_relative scan
  select self send set_trace_func singleton_methods sleep split sprintf srand sub syscall
  system taint test throw to_a to_s trace_var trap untaint untrace_var warn`);

const CLOSING_DELIMITER: Record<string, string> = { '{': '}', '[': ']', '(': ')', '<': '>' };

// %-strings (%w[...], %Q{...}, %r!...!): the state that reads up to the closing delimiter,
// nesting asymmetric delimiters; the r, Q, W, x and I kinds interpolate.
const sigilStates = new Map<string, LexerState<RubyData>>();
function sigilState(open: string, close: string, interpolates: boolean, kind: TokenKind): LexerState<RubyData> {
  const key = JSON.stringify([open, close, interpolates, kind]);
  // Rouge builds an invalid regex for a backslash delimiter and raises (Jekyll stops)
  if (open === '\\') throw new Error('Rouge cannot lex a %-string delimited by a backslash');
  const cached = sigilStates.get(key);
  if (cached) return cached;
  const special = escapeForPattern(`#${open}${close}\\`);
  const rules: RubyRule[] = [rule(new RegExp(`\\\\[${special}]`), 'String.Escape')];
  if (open !== close) rules.push(rule(new RegExp(escapeForPattern(open)), (run) => (run.token(kind), run.push())));
  rules.push(rule(new RegExp(escapeForPattern(close)), kind, '#pop'));
  if (interpolates) rules.push(mixin('string_intp_escaped'), rule(/#/, kind));
  else rules.push(rule(/[\\#]/, kind));
  rules.push(rule(new RegExp(`[^${special}]+`), kind));
  const state = { name: 'sigil_string', rules };
  sigilStates.set(key, state);
  return state;
}

function openSigilString(run: RubyRun): void {
  const [, sigil, open = ''] = run.match;
  const close = CLOSING_DELIMITER[open] ?? open;
  const kind: TokenKind = sigil === 'r' ? 'String.Regex' : 'String.Other';
  if (sigil === 'r') run.push('regex_flags');
  run.token(kind);
  run.push(sigilState(open, close, sigil !== undefined && /[rQWxI]/.test(sigil), kind));
}

function queueHeredoc(run: RubyRun, name: string): void {
  const [, operator = '', quote = ''] = run.match;
  run.token('Operator', operator);
  run.token('Name.Constant', `${quote}${name}${quote}`);
  run.data.heredocs.push({ tolerant: operator === '<<-' || operator === '<<~', name });
  if (!run.isIn('heredoc_queue')) run.push('heredoc_queue');
}

// a line that may end the first queued heredoc
function testHeredocEnd(run: RubyRun): void {
  const line = run.match[0];
  const first = run.data.heredocs[0];
  const candidate = first?.tolerant ? line.replace(/^[\s\0]+|[\s\0]+$/g, '') : line.replace(/[\s\0]+$/, '');
  if (first && candidate === first.name) {
    run.data.heredocs.shift();
    if (run.data.heredocs.length === 0) run.pop();
    run.token('Name.Constant');
  } else {
    run.token('String.Heredoc');
  }
  run.pop();
}

// double-quoted strings, symbols and backticks: interpolated, up to the closing quote
const quoted = (kind: TokenKind, quote: string): RubyRule[] => [
  mixin('string_intp_escaped'),
  rule(new RegExp(`[^\\\\${quote}#]+`, 's'), kind),
  rule(/[\\#]/, kind),
  rule(new RegExp(quote), kind, '#pop'),
];

const pop = (run: RubyRun) => run.pop();
const DECIMAL = String.raw`\d+(?:_\d+)*`;
const EXPONENT = String.raw`[eE][+-]?\d+`;

const states: Record<string, readonly RubyRule[]> = {
  symbols: [
    rule(/:@{0,2}[a-z_]\w*[!?]?/i, 'String.Symbol'),
    rule(/:(?:\*\*|[-+]@|[/%&|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)/, 'String.Symbol'),
    rule(/:'(\\\\|\\'|[^'])*'/, 'String.Symbol'),
    rule(/:"/, 'String.Symbol', 'simple_sym'),
  ],
  sigil_strings: [rule(/%([rqswQWxiI])?([^\w\s])/, openSigilString)],
  strings: [
    mixin('symbols'),
    rule(/\b[a-z_]\w*?[?!]?:\s+/, 'String.Symbol', 'expr_start'),
    rule(/'(\\\\|\\'|[^'])*'/, 'String.Single'),
    rule(/"/, 'String.Double', 'simple_string'),
    rule(/`/, 'String.Backtick', 'simple_backtick'),
  ],
  regex_flags: [rule(/[mixounse]*/, 'String.Regex', '#pop')],
  simple_string: quoted('String.Double', '"'),
  simple_sym: quoted('String.Symbol', '"'),
  simple_backtick: quoted('String.Backtick', '`'),
  whitespace: [
    mixin('inline_whitespace'),
    rule(/\n\s*/, 'Text', 'expr_start'),
    rule(/#.*$/, 'Comment.Single'),
    rule(/=begin\b.*?\n=end\b/s, 'Comment.Multiline'),
  ],
  inline_whitespace: [rule(/[ \t\r]+/, 'Text')],
  root: [
    mixin('whitespace'),
    rule(/__END__/, 'Comment.Preproc', 'end_part'),
    rule(/0_?[0-7]+(?:_[0-7]+)*/, 'Number.Oct'),
    rule(/0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*/, 'Number.Hex'),
    rule(/0b[01]+(?:_[01]+)*/, 'Number.Bin'),
    rule(new RegExp(`${DECIMAL}(?:\\.${DECIMAL}(?:${EXPONENT})?|${EXPONENT})`), 'Number.Float'),
    rule(new RegExp(DECIMAL), 'Number.Integer'),
    rule(/@@[a-z_]\w*/i, 'Name.Variable.Class'),
    rule(/@[a-z_]\w*/i, 'Name.Variable.Instance'),
    rule(/\$\w+/, 'Name.Variable.Global'),
    rule(/\$[!@&`'+~=/\\,;.<>_*$?:"]/, 'Name.Variable.Global'),
    rule(/\$-[0adFiIlpvw]/, 'Name.Variable.Global'),
    rule(/::/, 'Operator'),
    mixin('strings'),
    rule(new RegExp(`(?:${KEYWORDS})(?=\\W|$)`), 'Keyword', 'expr_start'),
    rule(new RegExp(`(?:${PSEUDO_KEYWORDS})\\b`), 'Keyword.Pseudo', 'expr_start'),
    rule(/(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)/, (run) => run.groups('Keyword', 'Text', 'Name.Namespace')),
    rule(/(def\b)(\s*)/, (run) => (run.groups('Keyword', 'Text'), run.push('funcname'))),
    rule(/(class\b)(\s*)/, (run) => (run.groups('Keyword', 'Text'), run.push('classname'))),
    rule(new RegExp(`(?:${QUERY_BUILTINS})[?]`), 'Name.Builtin', 'expr_start'),
    rule(new RegExp(`(?:${BANG_BUILTINS})!`), 'Name.Builtin', 'expr_start'),
    rule(new RegExp(`(?:${BUILTINS})\\b`), 'Name.Builtin', 'method_call'),
    mixin('has_heredocs'),
    // ranges before `.` as a method call
    rule(/\.{2,3}/, 'Operator', 'expr_start'),
    rule(/[A-Z][a-zA-Z0-9_]*/, 'Name.Constant', 'method_call'),
    rule(/(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-/\[<>=])/, (run) => (run.groups('Punctuation', 'Text', 'Name.Function'), run.push('method_call'))),
    rule(/[a-zA-Z_]\w*[?!]/, 'Name', 'expr_start'),
    rule(/[a-zA-Z_]\w*/, 'Name', 'method_call'),
    rule(/\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\./, 'Operator', 'expr_start'),
    rule(/[-+/*%=<>&!^|~]=?/, 'Operator', 'expr_start'),
    rule(/[?]/, (run) => (run.token('Punctuation'), run.push('ternary'), run.push('expr_start'))),
    rule(/[\[({,:\\;/]/, 'Punctuation', 'expr_start'),
    rule(/[\])}]/, 'Punctuation'),
  ],
  has_heredocs: [
    rule(/(<<[-~]?)(["`']?)([a-zA-Z_]\w*)(\2)/, (run) => queueHeredoc(run, run.match[3]!)),
    rule(/(<<[-~]?)(["'])(\2)/, (run) => queueHeredoc(run, '')),
  ],
  heredoc_queue: [rule(/(?=\n)/, (run) => run.goto('resolve_heredocs')), mixin('root')],
  resolve_heredocs: [
    mixin('string_intp_escaped'),
    rule(/\n/, 'String.Heredoc', 'test_heredoc'),
    rule(/[#\\\n]/, 'String.Heredoc'),
    rule(/[^#\\\n]+/, 'String.Heredoc'),
  ],
  test_heredoc: [rule(/[^#\\\n]*$/, testHeredocEnd), rule(/(?:)/, pop)],
  funcname: [
    rule(/\s+/, 'Text'),
    rule(/\(/, 'Punctuation', 'defexpr'),
    rule(/(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|[/%&|^`~]|\[\]=?|<<?|>>?|<=>?|>=|===?)/, (run) =>
      (run.groups('Name.Class', 'Operator', 'Name.Function'), run.pop())),
    rule(/(?:)/, pop),
  ],
  classname: [
    rule(/\s+/, 'Text'),
    rule(/\w+(::\w+)+/, 'Name.Class'),
    rule(/\(/, (run) => (run.token('Punctuation'), run.push('defexpr'), run.push('expr_start'))),
    // class << expr
    rule(/<</, (run) => (run.token('Operator'), run.goto('expr_start'))),
    rule(/[A-Z_]\w*/, 'Name.Class', '#pop'),
    rule(/(?:)/, pop),
  ],
  ternary: [
    rule(/(:)(\s+)/, (run) => (run.groups('Punctuation', 'Text'), run.goto('expr_start'))),
    rule(/:(?![^#\n]*?[:\\])/, (run) => (run.token('Punctuation'), run.goto('expr_start'))),
    mixin('root'),
  ],
  defexpr: [
    rule(/(\))(\.|::)?/, (run) => (run.groups('Punctuation', 'Operator'), run.pop())),
    rule(/\(/, (run) => (run.token('Punctuation'), run.push('defexpr'), run.push('expr_start'))),
    mixin('root'),
  ],
  in_interp: [rule(/\}/, 'String.Interpol', '#pop'), mixin('root')],
  string_intp: [rule(/[#][{]/, 'String.Interpol', 'in_interp'), rule(/#(@@?|\$)[a-z_]\w*/i, 'String.Interpol')],
  string_intp_escaped: [
    mixin('string_intp'),
    rule(/\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})/, 'String.Escape'),
    rule(/\\./, 'String.Escape'),
  ],
  method_call: [
    rule(/\/|%/, (run) => (run.token('Operator'), run.goto('expr_start'))),
    rule(/(?=\n)/, pop),
    rule(/(?:)/, (run) => run.goto('method_call_spaced')),
  ],
  method_call_spaced: [
    mixin('whitespace'),
    rule(/[%/]=/, (run) => (run.token('Operator'), run.goto('expr_start'))),
    rule(/(\/)(?=\S|\s*\/)/, (run) => (run.token('String.Regex'), run.goto('slash_regex'))),
    mixin('sigil_strings'),
    rule(/(?=\s*\/)/, pop),
    rule(/\s+/, (run) => (run.token('Text'), run.goto('expr_start'))),
    rule(/(?:)/, pop),
  ],
  expr_start: [
    mixin('inline_whitespace'),
    rule(/\//, (run) => (run.token('String.Regex'), run.goto('slash_regex'))),
    // ?x is the one-character string "x" (not after a digit, as in x>=0?n[x]:"")
    rule(/[?](\\[MC]-)*(\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\S)(?!\w)/, 'String.Char', '#pop'),
    // a %-string delimited by spaces, on one line
    rule(/(\s*)(%[rqswQWxiI]? \S* )/, (run) => (run.groups('Text', 'String.Other'), run.pop())),
    mixin('sigil_strings'),
    rule(/(?:)/, pop),
  ],
  slash_regex: [
    mixin('string_intp'),
    rule(/\\\\/, 'String.Regex'),
    rule(/\\\//, 'String.Regex'),
    rule(/[\\#]/, 'String.Regex'),
    rule(/[^\\/#]+/, 'String.Regex'),
    rule(/\//, (run) => (run.token('String.Regex'), run.goto('regex_flags'))),
  ],
  end_part: [rule(/.+/s, 'Comment.Preproc', '#pop')],
};

export const rubyLexer: Lexer = regexLexer<RubyData>({
  name: 'ruby',
  aliases: ['rb'],
  states,
  initialStack: ['root', 'expr_start'],
  createData: () => ({ heredocs: [] }),
});
