// The render context of one page: liquidjs's Context, plus what Jekyll's tags and filters
// need (the site, the page's file) and the bookkeeping behind faro's Liquid diagnostics:
// which template is rendering (for positions) and which variables were undefined.
import { Context, Drop, type Liquid, type Template } from 'liquidjs';
import type { SourceMap } from './positions.js';
import { isPlainRecord } from './ruby-values.js';

/** What a filter sees as `this` (liquidjs's FilterImpl, which it does not export). */
export interface FilterImpl {
  context: Context;
  token: { args?: readonly unknown[] };
  liquid: Liquid;
}

/** A variable read that found nothing, with the template that was rendering. */
export interface UndefinedRead {
  path: string;
  template: Template | undefined;
}

/** State shared by a page's render and every include it pulls in. */
export class RenderState {
  /** The template being rendered (innermost), for positions of what goes wrong. */
  current: Template | undefined;
  /** While above zero, undefined variables are expected (conditions, `where_exp`, …). */
  quiet = 0;
  /** How deep includes are nested, to stop runaway recursion. */
  includeDepth = 0;
  readonly undefinedReads: UndefinedRead[] = [];
  readonly errors: { error: unknown; template: Template | undefined }[] = [];

  constructor(
    /** The page's file, relative to the site root (for include_relative). */
    readonly file: string,
    /** The `site` object the page sees. */
    readonly site: Record<string, unknown>,
    /** The template texts of this render (page, includes) and the files they come from. */
    readonly sources: SourceMap,
    /** Files included as this text instead of theirs (pages rendered earlier: their body). */
    readonly includedBodies: Record<string, string> = {},
  ) {}

  recordUndefined(path: string): void {
    if (this.quiet > 0) return;
    this.undefinedReads.push({ path, template: this.current });
  }
}

// Names a template must never reach on JavaScript objects, whatever the data holds.
const FORBIDDEN_KEYS = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

type ScopeLike = Parameters<Context['readProperty']>[0];
type PropertyKeyLike = Parameters<Context['readProperty']>[1];

export class JekyllContext extends Context {
  state!: RenderState;

  override spawn(scope: object = {}): Context {
    const child = new JekyllContext(
      scope,
      this.opts,
      { sync: this.sync, globals: this.globals, strictVariables: this.strictVariables, ownPropertyOnly: this.ownPropertyOnly },
      { renderLimit: this.renderLimit, memoryLimit: this.memoryLimit, liquid: this.liquid },
    );
    child.state = this.state;
    return child;
  }

  override readProperty(obj: ScopeLike, key: PropertyKeyLike): unknown {
    if (typeof key === 'string' && (FORBIDDEN_KEYS.has(key) || isInheritedObjectMember(obj, key))) return undefined;
    if (key === 'parentloop' && isForloop(obj)) return this.parentLoop(obj);
    // `hash.first` is Ruby's Hash#first (the first [key, value] pair) unless the hash has that key.
    if (key === 'first' && isPlainRecord(obj) && !Object.prototype.hasOwnProperty.call(obj, key)) return Object.entries(obj)[0] ?? null;
    return super.readProperty(obj, key);
  }

  /** `forloop.parentloop`: the `forloop` of the enclosing loop's scope, nil at the top. */
  private parentLoop(loop: object): unknown {
    const scopes = (this as unknown as { scopes: Record<string, unknown>[] }).scopes;
    let found = false;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const candidate = scopes[i]!['forloop'];
      if (candidate === undefined) continue;
      if (found) return candidate;
      found = candidate === loop;
    }
    return null;
  }

  // Mirrors liquidjs's lookup, but notes where a path first comes up undefined instead of
  // throwing: Jekyll renders undefined as empty, faro also warns about it. Lookups made by
  // filters (`map`, `where`, `sort`) pass `strictVariables` explicitly and stay quiet.
  override *_getFromScope(
    scope: unknown,
    paths: (string | number | Drop)[] | string,
    ...strict: [boolean?]
  ): IterableIterator<unknown> {
    const keys = typeof paths === 'string' ? paths.split('.') : paths;
    let value = scope;
    for (let i = 0; i < keys.length; i++) {
      value = yield this.readProperty(value as ScopeLike, keys[i] as PropertyKeyLike);
      if (value === undefined) {
        if (strict.length === 0) this.state?.recordUndefined(describePath(keys.slice(0, i + 1)));
        return undefined;
      }
    }
    return value;
  }
}

function isForloop(value: unknown): value is object {
  return value instanceof Drop && typeof (value as { rindex0?: unknown }).rindex0 === 'function';
}

function isInheritedObjectMember(obj: unknown, key: string): boolean {
  if (obj === null || typeof obj !== 'object' || obj instanceof Drop) return false;
  return key in Object.prototype && !Object.prototype.hasOwnProperty.call(obj, key);
}

/** `site.office_link.co`, `items[0].name` — the path as an author would write it. */
export function describePath(keys: readonly unknown[]): string {
  let out = '';
  for (const key of keys) {
    const value = key instanceof Drop ? key.valueOf() : key;
    if (typeof value === 'number') out += `[${value}]`;
    else if (typeof value === 'string' && /^[A-Za-z_][\w-]*\??$/.test(value)) out += out === '' ? value : `.${value}`;
    else out += `[${JSON.stringify(value)}]`;
  }
  return out;
}
