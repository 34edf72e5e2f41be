// Jekyll's collection filters (Jekyll::Filters, GroupingFilters), with Jekyll's rules for
// reading a property (dotted paths, numeric strings compared as numbers) and for matching
// (`where: "tags", "x"` matches an array containing "x"; `nil` matches a missing value).
import { Drop, Value, toValue } from 'liquidjs';
import { JekyllContext, type FilterImpl } from '../jekyll-context.js';
import { isPlainRecord, rubyToS } from '../ruby-values.js';

const INTEGER_LIKE = /^\s*-?\d+\s*$/;
const FLOAT_LIKE = /^\s*-?(?:\d+\.?\d*|\.\d+)\s*$/;

/** Hash inputs are filtered by their values, as Jekyll does. */
function itemsOf(input: unknown): unknown[] | undefined {
  const value = toValue(input);
  if (Array.isArray(value)) return value;
  if (isPlainRecord(value)) return Object.values(value);
  return undefined;
}

function readKey(data: unknown, key: string): unknown {
  const value = toValue(data);
  if (value instanceof Drop) return (value as unknown as Record<string, unknown>)[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Jekyll's item_property: dotted paths are followed, number-like text becomes a number. */
export function itemProperty(item: unknown, property: unknown): unknown {
  const path = String(toValue(property));
  const value = path.includes('.') ? path.split('.').reduce<unknown>((data, key) => readKey(data, key), item) : readKey(item, path);
  const text = rubyToS(value);
  if (value !== null && value !== undefined && INTEGER_LIKE.test(text)) return parseInt(text, 10);
  if (value !== null && value !== undefined && FLOAT_LIKE.test(text)) return parseFloat(text);
  return value;
}

function matchesTarget(property: unknown, rawTarget: unknown): boolean {
  const target = toValue(rawTarget);
  if (target === null || target === undefined) return property === null || property === undefined;
  // `empty` and `blank` compare as the empty string, also against an array's joined items.
  const literal = rawTarget instanceof Drop;
  const wanted = rubyToS(target);
  if (literal && Array.isArray(property) && property.map((p) => rubyToS(p)).join('') === wanted) return true;
  if (typeof property === 'string') return property === wanted;
  const list = property === null || property === undefined ? [] : Array.isArray(property) ? property : [property];
  return list.some((item) => rubyToS(item) === wanted);
}

function isUnusableTarget(value: unknown): boolean {
  const target = toValue(value);
  return Array.isArray(target) || isPlainRecord(target);
}

/** Ruby's Array#flatten: Liquid's array filters flatten nested arrays first. */
export function flatten(input: unknown): unknown[] {
  const value = toValue(input);
  if (!Array.isArray(value)) return value === null || value === undefined ? [] : [value];
  return value.flatMap((item) => (Array.isArray(item) ? flatten(item) : [item]));
}

export function where(this: FilterImpl, input: unknown, property: unknown, value: unknown): unknown {
  if (property === null || property === undefined || property === false || isUnusableTarget(value)) return input;
  const items = itemsOf(input);
  if (!items) return input;
  return items.filter((item) => matchesTarget(itemProperty(item, property), value));
}

export function find(this: FilterImpl, input: unknown, property: unknown, value: unknown): unknown {
  if (property === null || property === undefined || property === false || isUnusableTarget(value)) return input;
  const items = itemsOf(input);
  if (!items) return input;
  return items.find((item) => matchesTarget(itemProperty(item, property), value)) ?? null;
}

/**
 * Jekyll parses `where_exp` conditions with Liquid::Expression, where `empty` and `blank`
 * are plain empty strings (not the `empty?` / `blank?` tests of `{% if %}`).
 */
function jekyllCondition(expression: string): string {
  return expression
    .split(/("[^"]*"|'[^']*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<![\w.])(?:empty|blank)(?![\w.?-])/g, "''")))
    .join('');
}

/** Evaluates a Liquid expression once per item, with the item bound to `variable`. */
function* evaluateEach(impl: FilterImpl, items: unknown[], variable: unknown, expression: unknown): Generator<unknown, unknown[], unknown> {
  const compiled = new Value(jekyllCondition(String(toValue(expression))), impl.liquid);
  const context = impl.context;
  const state = context instanceof JekyllContext ? context.state : undefined;
  const results: unknown[] = [];
  if (state) state.quiet++;
  try {
    context.memoryLimit.use(items.length);
    for (const item of items) {
      context.push({ [String(toValue(variable))]: item });
      try {
        results.push(toValue(yield compiled.value(context, true)));
      } finally {
        context.pop();
      }
    }
  } finally {
    if (state) state.quiet--;
  }
  return results;
}

const truthy = (value: unknown): boolean => value !== null && value !== undefined && value !== false;

export function* where_exp(this: FilterImpl, input: unknown, variable: unknown, expression: unknown): Generator<unknown, unknown, unknown> {
  const items = itemsOf(input);
  if (!items) return input;
  const results = yield* evaluateEach(this, items, variable, expression);
  return items.filter((_, i) => truthy(results[i]));
}

export function* find_exp(this: FilterImpl, input: unknown, variable: unknown, expression: unknown): Generator<unknown, unknown, unknown> {
  const items = itemsOf(input);
  if (!items) return input;
  const results = yield* evaluateEach(this, items, variable, expression);
  const index = results.findIndex(truthy);
  return index < 0 ? null : items[index];
}

interface Group {
  name: unknown;
  items: unknown[];
  size: number;
}

function grouped(items: unknown[], keys: unknown[], keyOf: (key: unknown) => string): Group[] {
  const groups = new Map<string, Group>();
  items.forEach((item, i) => {
    const id = keyOf(keys[i]);
    const group = groups.get(id) ?? { name: keys[i], items: [], size: 0 };
    group.items.push(item);
    group.size = group.items.length;
    groups.set(id, group);
  });
  return [...groups.values()];
}

export function group_by(this: FilterImpl, input: unknown, property: unknown): unknown {
  const items = Array.isArray(toValue(input)) ? (toValue(input) as unknown[]) : undefined;
  if (!items) return input;
  const names = items.map((item) => rubyToS(itemProperty(item, property)));
  return grouped(items, names, (name) => String(name));
}

export function* group_by_exp(this: FilterImpl, input: unknown, variable: unknown, expression: unknown): Generator<unknown, unknown, unknown> {
  const items = Array.isArray(toValue(input)) ? (toValue(input) as unknown[]) : undefined;
  if (!items) return input;
  const keys = yield* evaluateEach(this, items, variable, expression);
  return grouped(items, keys, (key) => `${typeof key}:${rubyToS(key)}`);
}

/** Ruby's `<=>` for the values Liquid sorts; undefined when Ruby could not compare them. */
function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i], b[i]);
      if (c !== 0) return c;
    }
    return Math.sign(a.length - b.length);
  }
  return undefined;
}

export function sort(this: FilterImpl, input: unknown, property?: unknown, nils: unknown = 'first'): unknown {
  const value = toValue(input);
  if (value === null || value === undefined) throw new Error('sort: cannot sort a null object');
  const items = Array.isArray(value) ? [...value] : isPlainRecord(value) ? Object.entries(value) : undefined;
  if (!items) return value;
  if (property === null || property === undefined) {
    return items.sort((a, b) => {
      const c = compare(a, b);
      if (c === undefined) throw new Error(`sort: cannot compare ${rubyToS(a)} with ${rubyToS(b)}`);
      return c;
    });
  }
  if (nils !== 'first' && nils !== 'last') throw new Error(`sort: invalid nils order "${rubyToS(nils)}" (use "first" or "last")`);
  const order = nils === 'first' ? -1 : 1;
  const keyed = items.map((item) => ({ key: itemProperty(item, property), item }));
  keyed.sort((x, y) => {
    const xNil = x.key === null || x.key === undefined;
    const yNil = y.key === null || y.key === undefined;
    if (!xNil && yNil) return -order;
    if (xNil && !yNil) return order;
    return compare(x.key, y.key) ?? compare(rubyToS(x.key), rubyToS(y.key)) ?? 0;
  });
  return keyed.map((entry) => entry.item);
}

/** Liquid::Utils.to_integer. */
export function toInteger(value: unknown): number {
  const v = toValue(value);
  if (typeof v === 'number') return Math.trunc(v);
  const parsed = parseInt(String(v ?? ''), 10);
  if (Number.isNaN(parsed)) throw new Error(`invalid integer: ${rubyToS(v)}`);
  return parsed;
}

export function pop(input: unknown, count: unknown = 1): unknown {
  const value = toValue(input);
  if (!Array.isArray(value)) return value;
  const n = Math.max(0, toInteger(count));
  return n === 0 ? [...value] : value.slice(0, Math.max(0, value.length - n));
}

export function shift(input: unknown, count: unknown = 1): unknown {
  const value = toValue(input);
  if (!Array.isArray(value)) return value;
  return value.slice(Math.max(0, toInteger(count)));
}

export function push(input: unknown, item: unknown): unknown {
  const value = toValue(input);
  return Array.isArray(value) ? [...value, item] : value;
}

export function unshift(input: unknown, item: unknown): unknown {
  const value = toValue(input);
  return Array.isArray(value) ? [item, ...value] : value;
}

export function sample(input: unknown, count: unknown = 1): unknown {
  const value = toValue(input);
  if (!Array.isArray(value)) return value;
  let n: number;
  try {
    n = toInteger(count);
  } catch {
    n = 1;
  }
  const pool = [...value];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return n === 1 ? (pool[0] ?? null) : pool.slice(0, Math.max(0, n));
}

export function to_integer(input: unknown): number {
  const value = toValue(input);
  if (value === true) return 1;
  if (value === false) return 0;
  return toInteger(value);
}

/** Liquid's `first`: an array's first item, a hash's first `[key, value]` pair; nil for anything else (strings too). */
export function first(input: unknown): unknown {
  const value = toValue(input);
  if (Array.isArray(value)) return value[0];
  if (isPlainRecord(value)) return Object.entries(value)[0] ?? null;
  return null;
}

/** Liquid's `last`: an array's last item; nil for anything else (a Ruby hash has no `last`). */
export function last(input: unknown): unknown {
  const value = toValue(input);
  return Array.isArray(value) ? value.at(-1) : null;
}

/** Ruby's `size`: arrays, strings and hashes; 0 for nil. */
export function size(input: unknown): number {
  const value = toValue(input);
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (isPlainRecord(value)) return Object.keys(value).length;
  if (typeof value === 'number' && Number.isInteger(value)) return 8;
  return 0;
}
