// Liquid 5's arithmetic filters as Ruby runs them: integers stay integers (`10 | divided_by: 4`
// is 2, `-7 | modulo: 3` is 2), decimals are exact (`0.1 | plus: 0.2` is 0.3) and rounding
// goes half away from zero. JavaScript has one number type, so a value counts as a decimal
// when it has a fractional part or is a RubyFloat (`4.0` in a template or in YAML). Integer
// arithmetic is done on bigints, so that integers past 2^53 stay exact (RubyInteger).
import { toValue } from 'liquidjs';
import { RubyFloat, RubyInteger, rubyInteger } from '../ruby-values.js';
import type { FilterImpl } from '../jekyll-context.js';

interface RubyNumber {
  value: number;
  decimal: boolean;
  /** The integer itself, when the number is one. */
  exact?: bigint;
}

/** Liquid::Utils.to_number. */
function toNumber(input: unknown): RubyNumber {
  if (input instanceof RubyFloat) return { value: input.value, decimal: true };
  if (input instanceof RubyInteger) return { value: Number(input.value), decimal: false, exact: input.value };
  const value = toValue(input);
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { value, decimal: false, exact: BigInt(value) } : { value, decimal: true };
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^-?\d+\.\d+$/.test(trimmed)) return { value: Number(trimmed), decimal: true };
    const integer = /^[ \t\r\n\f\v]*([-+]?\d[\d_]*)/.exec(value);
    const exact = integer ? BigInt(integer[1]!.replace(/_/g, '')) : 0n;
    return { value: Number(exact), decimal: false, exact };
  }
  return { value: 0, decimal: false, exact: 0n };
}

/** Both operands' integers, when neither is a decimal. */
function integers(a: RubyNumber, b: RubyNumber): [bigint, bigint] | undefined {
  return a.exact !== undefined && b.exact !== undefined ? [a.exact, b.exact] : undefined;
}

/** Splits a finite number into an integer and a power-of-ten scale, exactly as printed. */
function toScaled(value: number): { digits: bigint; scale: number } {
  const [mantissa, exponentText] = value.toString().toLowerCase().split('e');
  const exponent = Number(exponentText ?? 0);
  const [whole, fraction = ''] = mantissa!.split('.');
  let digits = BigInt(whole! + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

function fromScaled(digits: bigint, scale: number): number {
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  const number = Number(scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`);
  return negative ? -number : number;
}

function exactSum(a: number, b: number, sign: 1n | -1n): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return sign === 1n ? a + b : a - b;
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  const align = (n: { digits: bigint; scale: number }): bigint => n.digits * 10n ** BigInt(scale - n.scale);
  return fromScaled(align(x) + sign * align(y), scale);
}

function exactProduct(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b;
  const x = toScaled(a);
  const y = toScaled(b);
  return fromScaled(x.digits * y.digits, x.scale + y.scale);
}

/** A result is a Float when either operand was one; whole Floats print as `10.0`. */
function result(value: number, a: RubyNumber, b: RubyNumber): number | RubyFloat {
  return (a.decimal || b.decimal) && Number.isInteger(value) ? new RubyFloat(value) : value;
}

function operands(impl: FilterImpl, input: unknown, operand: unknown): [RubyNumber, RubyNumber] {
  return [toNumber(input), toNumber(operand)];
}

export function plus(this: FilterImpl, input: unknown, operand: unknown): number | RubyFloat | RubyInteger {
  const [a, b] = operands(this, input, operand);
  const whole = integers(a, b);
  if (whole) return rubyInteger(whole[0] + whole[1]);
  return result(exactSum(a.value, b.value, 1n), a, b);
}

export function minus(this: FilterImpl, input: unknown, operand: unknown): number | RubyFloat | RubyInteger {
  const [a, b] = operands(this, input, operand);
  const whole = integers(a, b);
  if (whole) return rubyInteger(whole[0] - whole[1]);
  return result(exactSum(a.value, b.value, -1n), a, b);
}

export function times(this: FilterImpl, input: unknown, operand: unknown): number | RubyFloat | RubyInteger {
  const [a, b] = operands(this, input, operand);
  const whole = integers(a, b);
  if (whole) return rubyInteger(whole[0] * whole[1]);
  return result(exactProduct(a.value, b.value), a, b);
}

export function divided_by(this: FilterImpl, input: unknown, operand: unknown): number | RubyFloat | RubyInteger {
  const [a, b] = operands(this, input, operand);
  const whole = integers(a, b);
  if (!whole) return result(a.value / b.value, a, b);
  const [x, y] = whole;
  if (y === 0n) throw new Error('divided by 0');
  // Ruby's Integer#/ rounds toward negative infinity; bigint division toward zero.
  const quotient = x / y;
  return rubyInteger(x % y !== 0n && x < 0n !== y < 0n ? quotient - 1n : quotient);
}

export function modulo(this: FilterImpl, input: unknown, operand: unknown): number | RubyFloat | RubyInteger {
  const [a, b] = operands(this, input, operand);
  const whole = integers(a, b);
  if (whole) {
    const [x, y] = whole;
    if (y === 0n) throw new Error('divided by 0');
    // Ruby's remainder takes the divisor's sign.
    const remainder = x % y;
    return rubyInteger(remainder !== 0n && remainder < 0n !== y < 0n ? remainder + y : remainder);
  }
  const remainder = exactSum(a.value, -exactProduct(b.value, Math.trunc(a.value / b.value)), 1n);
  const floored = remainder !== 0 && Math.sign(remainder) !== Math.sign(b.value) ? exactSum(remainder, b.value, 1n) : remainder;
  return result(floored, a, b);
}

/** Half away from zero, on the number's decimal digits (BigDecimal#round). */
export function round(input: unknown, places: unknown = 0): number | RubyFloat | RubyInteger {
  const number = toNumber(input);
  if (number.exact !== undefined && Math.trunc(toNumber(places).value) >= 0) return rubyInteger(number.exact);
  const rounded = roundNumber(toNumber(input).value, Math.trunc(toNumber(places).value));
  const wholeFloat = Math.trunc(toNumber(places).value) !== 0 && toNumber(input).decimal && Number.isInteger(rounded);
  return wholeFloat ? new RubyFloat(rounded) : rounded;
}

function roundNumber(value: number, digits: number): number {
  if (!Number.isFinite(value)) throw new Error(`cannot round ${value}`);
  const { digits: scaled, scale } = toScaled(Math.abs(value));
  if (scale <= digits) return value;
  const drop = 10n ** BigInt(scale - digits);
  let kept = scaled / drop;
  if ((scaled % drop) * 2n >= drop) kept += 1n;
  const result = digits >= 0 ? fromScaled(kept, digits) : fromScaled(kept * 10n ** BigInt(-digits), 0);
  return value < 0 ? -result : result;
}

/** The winner keeps its type: `5 | at_least: 7.0` is the Float 7.0. */
function asRuby(number: RubyNumber): number | RubyFloat | RubyInteger {
  return number.exact !== undefined ? rubyInteger(number.exact) : result(number.value, number, number);
}

/** Whether `a` is above `b`, exactly when both are integers. */
function above(a: RubyNumber, b: RubyNumber): boolean {
  const whole = integers(a, b);
  return whole ? whole[0] > whole[1] : a.value > b.value;
}

export function at_least(input: unknown, bound: unknown): number | RubyFloat | RubyInteger {
  const [value, min] = [toNumber(input), toNumber(bound)];
  return asRuby(above(min, value) ? min : value);
}

export function at_most(input: unknown, bound: unknown): number | RubyFloat | RubyInteger {
  const [value, max] = [toNumber(input), toNumber(bound)];
  return asRuby(above(value, max) ? max : value);
}

export function abs(input: unknown): number | RubyFloat | RubyInteger {
  const number = toNumber(input);
  if (number.exact !== undefined) return rubyInteger(number.exact < 0n ? -number.exact : number.exact);
  return asRuby({ value: Math.abs(number.value), decimal: number.decimal });
}
