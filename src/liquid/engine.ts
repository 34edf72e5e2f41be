// One Jekyll-flavoured Liquid engine per site and file system, reused for every page:
// building liquidjs and parsing includes once per site is what keeps a 400-page build fast.
import { CaseTag, IfTag, Liquid, toValueSync, UnlessTag, type Context, type Emitter, type FS, type Template } from 'liquidjs';
import type { Diagnostic } from '../diagnostics.js';
import { JekyllContext, RenderState, type UndefinedRead } from './jekyll-context.js';
import { offsetOfPath, SourceMap, type SourceText } from './positions.js';
import { registerJekyll } from './register-jekyll.js';
import { removeBlankBodies } from './blank-bodies.js';
import { installLaxOutputs } from './lax-output.js';
import { installIgnoredTagMarkup } from './tag-markup.js';
import { installLaxConditions } from './lax-conditions.js';
import { installRubyLiterals } from './ruby-literals.js';
import type { LiquidContext, LiquidInput, LiquidResult } from './render-liquid.js';
import { validTimeZone } from './ruby-time.js';
import { liquidToS } from './ruby-values.js';
import { rootScope, siteScope } from './scope.js';

/**
 * Bounds on one page's render. A `for` over `(1..100000000)` needs 100 million units of
 * memory and is refused before it starts; nested loops add up their ranges.
 */
export interface LiquidLimits {
  /** Wall-clock time for one page's Liquid, in milliseconds. */
  renderMilliseconds: number;
  /** liquidjs memory units: items of ranges and arrays, characters built by filters. */
  memoryUnits: number;
  /** Characters of one template (page body or include). */
  templateLength: number;
}

export const DEFAULT_LIQUID_LIMITS: LiquidLimits = {
  renderMilliseconds: 10_000,
  memoryUnits: 10_000_000,
  templateLength: 32_000_000,
};

// liquidjs must never touch the disk on its own: includes go through the SiteFileSystem.
const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file) => {
    throw new Error(`cannot read ${file}`);
  },
  readFileSync: (file) => {
    throw new Error(`cannot read ${file}`);
  },
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
};

interface ZoneEngine {
  liquid: Liquid;
  timeZone: string | undefined;
}

type Renderer = { renderTemplates(templates: Template[], ctx: Context, emitter?: Emitter): IterableIterator<unknown> };

export class JekyllLiquid {
  private readonly engines = new Map<string, ZoneEngine>();
  private readonly partials = new Map<string, { source: string; templates: Template[] }>();
  private readonly limits: LiquidLimits;

  constructor(private readonly context: LiquidContext) {
    this.limits = { ...DEFAULT_LIQUID_LIMITS, ...context.limits };
  }

  render(input: LiquidInput): LiquidResult {
    const site = siteScope(input.site ?? {});
    const { liquid } = this.engineFor(site.timezone);
    const page: SourceText = { file: input.file, lineOffset: input.lineOffset, source: input.source };
    const sources = new SourceMap(page);
    sources.register(input.template, page);

    let templates: Template[];
    try {
      templates = liquid.parse(input.template, input.file);
      removeBlankBodies(templates);
    } catch (error) {
      return { output: '', diagnostics: [errorDiagnostic(error, undefined, sources, this.limits)] };
    }
    const ctx = new JekyllContext(rootScope(input, site), liquid.options, { sync: true }, { liquid });
    ctx.state = new RenderState(input.file, site, sources, input.includedBodies);
    const diagnostics: Diagnostic[] = [];
    let output = '';
    try {
      output = String(toValueSync(liquid.renderer.renderTemplates(templates, ctx)) ?? '');
    } catch (error) {
      diagnostics.push(errorDiagnostic(error, ctx.state.current, sources, this.limits));
    }
    for (const { error, template } of ctx.state.errors) diagnostics.push(errorDiagnostic(error, template, sources, this.limits));
    for (const read of ctx.state.undefinedReads) {
      if (!expectsUndefined(read)) diagnostics.push(undefinedDiagnostic(read, sources));
    }
    return { output, diagnostics: unique(diagnostics) };
  }

  private engineFor(zone: unknown): ZoneEngine {
    const timeZone = validTimeZone(zone);
    const key = timeZone ?? '';
    let engine = this.engines.get(key);
    if (!engine) {
      engine = { liquid: this.createLiquid(timeZone), timeZone };
      this.engines.set(key, engine);
    }
    return engine;
  }

  private createLiquid(timeZone: string | undefined): Liquid {
    installRubyLiterals();
    installLaxOutputs();
    installIgnoredTagMarkup();
    installLaxConditions();
    const format = { timeZone };
    const liquid = new Liquid({
      fs: NO_FILES,
      relativeReference: false,
      root: [],
      partials: [],
      layouts: [],
      dynamicPartials: false,
      strictFilters: false,
      strictVariables: false,
      ownPropertyOnly: true,
      jsTruthy: false,
      locale: 'en-US',
      timezoneOffset: timeZone ?? 0,
      outputEscape: (value: unknown) => liquidToS(value, format),
      parseLimit: this.limits.templateLength,
      renderLimit: this.limits.renderMilliseconds,
      memoryLimit: this.limits.memoryUnits,
    });
    registerJekyll(liquid, {
      fs: this.context.fs,
      includesDir: this.context.includesDir,
      markdownify: this.context.markdownify,
      format,
      parseFile: (path, source) => this.parseInclude(liquid, timeZone, path, source),
    });
    trackRendering(liquid.renderer as unknown as Renderer);
    return liquid;
  }

  private parseInclude(liquid: Liquid, timeZone: string | undefined, path: string, source: string): Template[] {
    const key = `${timeZone ?? ''}\0${path}`;
    const cached = this.partials.get(key);
    if (cached && cached.source === source) return cached.templates;
    const templates = liquid.parse(source, path);
    removeBlankBodies(templates);
    this.partials.set(key, { source, templates });
    return templates;
  }
}

const guards = new WeakMap<Template, Template>();

/**
 * Wraps every template the renderer runs so that the render state knows which one is
 * rendering (for positions), and so that an error in one tag becomes a diagnostic while
 * the rest of the page still renders. Exceeded limits stop the whole page.
 */
function trackRendering(renderer: Renderer): void {
  const original = renderer.renderTemplates.bind(renderer);
  renderer.renderTemplates = (templates, ctx, emitter) => original(templates.map(guarded), ctx, emitter);
}

function guarded(template: Template): Template {
  let guard = guards.get(template);
  if (!guard) {
    guard = {
      token: template.token,
      *render(ctx: Context, emitter: Emitter): Generator<unknown, unknown, unknown> {
        const state = ctx instanceof JekyllContext ? ctx.state : undefined;
        if (!state) return yield template.render(ctx, emitter);
        const previous = state.current;
        const known = state.sources.knows(template.token.input);
        if (known) state.current = template;
        try {
          return yield template.render(ctx, emitter);
        } catch (error) {
          if (isLimitError(error)) throw error;
          state.errors.push({ error, template: known ? template : previous });
          return '';
        } finally {
          state.current = previous;
        }
      },
    } as Template;
    guards.set(template, guard);
  }
  return guard;
}

function messageOf(error: unknown): string {
  const deepest = innermost(error);
  const message = deepest instanceof Error ? deepest.message : String(deepest);
  return message.replace(/(?:, file:.*?)?, line:\d+, col:\d+$/s, '').split('\n')[0]!;
}

function innermost(error: unknown): unknown {
  let current = error;
  while (current && typeof current === 'object' && 'originalError' in current && current.originalError) {
    current = current.originalError;
  }
  return current;
}

function isLimitError(error: unknown): boolean {
  return /limit exceeded/.test(messageOf(error));
}

/** The most precise token a liquidjs error carries that lies in a known file. */
function errorToken(error: unknown, template: Template | undefined, sources: SourceMap): Template['token'] | undefined {
  let token = template?.token;
  for (let current: unknown = error; current && typeof current === 'object'; ) {
    const candidate = (current as { token?: Template['token'] }).token;
    if (candidate && sources.knows(candidate.input)) token = candidate;
    current = (current as { originalError?: unknown }).originalError;
  }
  return token;
}

function errorDiagnostic(error: unknown, template: Template | undefined, sources: SourceMap, limits: LiquidLimits): Diagnostic {
  const message = messageOf(error);
  const token = errorToken(error, template, sources);
  return sources.error(token, explainLimit(message, limits));
}

function explainLimit(message: string, limits: LiquidLimits): string {
  if (/memory alloc limit exceeded/.test(message)) {
    return `Liquid stopped: this page would use more than ${limits.memoryUnits} memory units (range and array items, characters); a for loop over a huge range is refused`;
  }
  if (/template render limit exceeded/.test(message)) {
    return `Liquid stopped: rendering this page took longer than ${limits.renderMilliseconds} ms`;
  }
  if (/parse length limit exceeded/.test(message)) {
    return `Liquid stopped: the template is longer than ${limits.templateLength} characters`;
  }
  return message;
}

/** Conditions and `default` filters exist to cope with undefined values: no warning there. */
function expectsUndefined(read: UndefinedRead): boolean {
  const template = read.template;
  if (template instanceof IfTag || template instanceof UnlessTag || template instanceof CaseTag) return true;
  const filters = (template as { value?: { filters?: { name: string }[] } } | undefined)?.value?.filters;
  return filters?.some((filter) => filter.name === 'default') ?? false;
}

function undefinedDiagnostic(read: UndefinedRead, sources: SourceMap): Diagnostic {
  return sources.diagnostic(read.template?.token, 'warning', 'liquid-undefined', `${read.path} is not defined`, offsetOfPath(read.template, read.path));
}

function unique(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.severity}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
