import type { KramdownOptions } from '../options.js';
import { isOn, type RougeSettings } from './rouge-layout.js';

// Jekyll's kramdown highlights code with Rouge only when Rouge has a lexer for the
// language: by name or alias, case as written, `?options` after it ignored, `guess`
// meaning "find one". Code in any other language is printed as it is, without Rouge's
// wrapper and class. These are the names Rouge 3.30 (Jekyll 4.3's) answers to.

const ROUGE_LEXER_NAMES = new Set(
  `
  Dockerfile HAML Isabelle LaTeX OCL R S TeX abap actionscript ada apache apex apib apiblueprint
  applescript armasm as as3 aug augeas awk bash bat batch batchfile bbcbasic behat bib bibtex biml bpf
  brainfuck brightscript brs bs bsdmake bsl c c# c++ ceylon cfc cfscript cl clean clj cljs clojure cmake
  cmhg cmm coffee coffee-script coffeescript common-lisp common_lisp conf config configuration console
  coq cpp cr crystal cs csharp css csvs cucumber cuda cypher cython d dafny dart datastudio diff digdag
  django dlang docker dockerfile dosbatch dot e-mail ecl eex eiffel elisp elixir elm emacs-lisp email eml
  epp eps erb erl erlang eruby esc escape ex exs factor fea ff fluent fortran freefem fsharp ftl gd
  gdscript ghc-cmm ghc-core gherkin glsl gnumake go golang gradle graphql groovy hack haml handlebars
  haskell haxe hbs hcl heex hh hlsl hocon hql hs html http hx hy hylang idlang idr idris igorpro ini io
  irb irb_output isa isabelle isbl j janet java javascript jdn jinja jl js jsl json json-doc jsonc
  jsonnet jsp jsx julia kdb+ kotlin ksh lasso lassoscript latex lean leex lhaskell lhs liquid lisp
  litcoffee literate_coffeescript literate_haskell lithaskell livescript llvm ls lua lustre lutin m m68k
  magik make makefile markdown mason mathematica matlab md meson mf microsoftshell minizinc mkd ml moon
  moonscript mosel msgtrans msshell mustache mxml nasm nes nesasm nginx nial nim nimrod nix nixos obj-c
  obj-c++ obj-cpp obj_c obj_c++ obj_cpp objc objc++ objcpp objective_c objective_cpp objectivec
  objectivec++ objectivecpp ocaml ocl openedge opentype opentype_feature_file opentypefeature pascal
  patch perl php php3 php4 php5 pl plaintext plist plsql pony posh postscr postscript powershell pp praat
  prolog prometheus properties proto protobuf pry ps puppet py pyrex python pyx q qml r racket rb react
  realbasic reasonml rego rescript rhtml robot robot-framework robot_framework rs rs,ignore rs,no_run
  rs,should_panic ruby rust rust,ignore rust,no_run rust,should_panic s sas sass scala scheme scss sed sh
  shell shell-session shell_session sieve slice slim smalltalk smarty sml solidity sparql sqf sql squeak
  ssh st stan stata supercollider swift systemd syzlang syzprog tap tcl terminal terraform tex text tf
  toml ts tsx ttcn3 tulip turtle twig typescript udiff unit-file vala varnish varnishconf vb vcl velocity
  verilog vhdl vim viml vimscript visualbasic vue vuejs winbatch wl wollok xml xojo xpath xquery yaml
  yang yml zig zir zsh
`.split(/\s+/).filter(Boolean),
);

/**
 * Whether Jekyll's kramdown highlights code in `language` (undefined: the default
 * language): Rouge is the highlighter and knows the language, and plain text counts
 * unless `guess_lang` is off. `syntax_highlighter_opts.span` or `.block` overrides the
 * options (`disable: true` turns highlighting off).
 */
export function rougeHighlights(language: string | undefined, options: KramdownOptions, part: 'span' | 'block' = 'block'): boolean {
  if (String(options.syntax_highlighter ?? '').toLowerCase() !== 'rouge') return false;
  const settings = rougeSettings(options, part);
  if (isOn(settings.disable)) return false;
  const named = language ?? settings.default_lang;
  const name = (typeof named === 'string' && named !== '' ? named : 'plaintext').split('?')[0]!;
  if (name === '' || name === 'guess') return true;
  if (name === 'plaintext' || name === 'text') return (options as unknown as Record<string, unknown>).guess_lang !== false;
  return ROUGE_LEXER_NAMES.has(name);
}

/** The language code with none is highlighted in: the part's `default_lang`, else plain text. */
export function defaultLanguage(options: KramdownOptions, part: 'span' | 'block'): string {
  const value = rougeSettings(options, part).default_lang;
  return typeof value === 'string' && value !== '' ? value : 'plaintext';
}

/** `syntax_highlighter_opts`, with kramdown's `span:` or `block:` settings laid over it. */
export function rougeSettings(options: KramdownOptions, part: 'span' | 'block'): RougeSettings {
  const settings = (options as unknown as Record<string, unknown>).syntax_highlighter_opts;
  if (!settings || typeof settings !== 'object') return {};
  const general = settings as Record<string, unknown>;
  const own = general[part];
  return own && typeof own === 'object' ? { ...general, ...(own as Record<string, unknown>) } : general;
}
