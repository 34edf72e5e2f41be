// YAML as Jekyll reads it (safe schema; timestamps become dates), with errors that point
// at the author's line and column.
import yaml from 'js-yaml';
import type { FaroError, SourcePosition } from './diagnostics.js';
import { isYamlTimestamp, yamlTimestamp } from './liquid/ruby-time.js';
import { RubyFloat, RubyInteger, rubyInteger as exactInteger } from './liquid/ruby-values.js';

// Ruby's YAML (Psych, YAML 1.1) reads a float only with a decimal point (`1e3` stays a
// string), and keeps `3.0` a Float that prints `3.0`: whole floats become RubyFloat.
const PSYCH_FLOAT = /^(?:[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const rubyFloat = new yaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && PSYCH_FLOAT.test(data) && /[0-9]|inf|nan/i.test(data),
  construct: (data: string) => {
    const text = data.replace(/[_,]/g, '').toLowerCase();
    if (text.endsWith('nan')) return NaN;
    if (text.endsWith('inf')) return text.startsWith('-') ? -Infinity : Infinity;
    const value = Number(text.replace(/^([-+]?)\./, '$10.').replace(/\.(?=e|$)/, '.0'));
    return Number.isInteger(value) ? new RubyFloat(value) : value;
  },
  predicate: (object: unknown) => object instanceof RubyFloat || (typeof object === 'number' && !Number.isInteger(object)),
  represent: (object: object) => String(Number(object)),
});
// Integers as Psych reads them (YAML 1.1): `012` is octal (10), `1,000` has a separator,
// `1:30` is sexagesimal (5400); `08` is no integer at all and stays a string.
const PSYCH_INTEGER = /^(?:[-+]?0b[01_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/;
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}$/;
const rubyInteger = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (PSYCH_INTEGER.test(data) || SEXAGESIMAL.test(data)),
  construct: (data: string) => {
    const sign = data.startsWith('-') ? -1 : 1;
    const digits = data.replace(/^[-+]/, '').replace(/[_,]/g, '');
    // Psych weighs the parts 60², 60, 1 from the left, so `10:30` is 37800.
    if (digits.includes(':')) return sign * digits.split(':').reduce((total, part, i) => total + Number(part) * 60 ** Math.abs(i - 2), 0);
    // Ruby's Integers have no size limit: past 2^53 they stay exact (RubyInteger).
    const prefixed = /^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits;
    // (`0x_` and `0b_` have no digits left.)
    return /^0[bx]$/.test(prefixed) ? NaN : exactInteger(BigInt(sign) * BigInt(prefixed));
  },
  predicate: (object: unknown) => object instanceof RubyInteger || (typeof object === 'number' && Number.isInteger(object)),
  represent: (object: object) => String(object),
});

// Psych's booleans include YAML 1.1's words, in any case: `yes`, `on`, `No`, `OFF`.
const rubyBoolean = new yaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && /^(?:yes|true|on|no|false|off)$/i.test(data),
  construct: (data: string) => /^(?:yes|true|on)$/i.test(data),
  predicate: (object: unknown) => typeof object === 'boolean',
  represent: (object: object) => String(object),
});

// Timestamps keep what Ruby keeps: a bare day is a Date, a time its written offset.
const rubyTimestamp = new yaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && isYamlTimestamp(data),
  construct: (data: string) => yamlTimestamp(data),
  instanceOf: Date,
  represent: (object: object) => (object as Date).toISOString(),
});
const JEKYLL_SCHEMA = yaml.DEFAULT_SCHEMA.extend({ implicit: [rubyBoolean, rubyInteger, rubyFloat, rubyTimestamp] });

type ErrorClass = new (message: string, where: SourcePosition, options?: { cause?: unknown }) => FaroError;

/**
 * Parses `text`, which starts `lineOffset` lines into `file` (front matter starts after
 * the opening `---`). Throws `errorClass` with the position of the problem.
 */
export function parseYaml(text: string, file: string, lineOffset: number, errorClass: ErrorClass, fullSource?: string): unknown {
  try {
    // `json: true` lets a repeated key replace the earlier value, where it stood, as
    // Psych does silently (js-yaml would stop on a "duplicated mapping key").
    return yaml.load(text, { filename: file, schema: JEKYLL_SCHEMA, json: true });
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new errorClass(
      `invalid YAML: ${reason}`,
      {
        file,
        line: (mark?.line ?? 0) + 1 + lineOffset,
        column: (mark?.column ?? 0) + 1,
        source: fullSource ?? text,
      },
      { cause: error },
    );
  }
}
