// Jekyll's `{% include %}` and `{% include_relative %}` (Jekyll::Tags::IncludeTag):
//   {% include note.html kind="tip" title=page.title %}   → `include.kind`, `include.title`
//   {% include {{ page.widget }} %}                         → file name from a variable
//   {% include_relative snippets/intro.md %}               → relative to the page's folder
// Files are read only through the site's file system and only from inside their folder:
// names are checked as Jekyll checks them (no `..`, `./`, `//`, no odd characters), and a
// symlink whose target leaves the folder is refused.
import { Tag, Value, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import type { SiteFileSystem } from '../../fs.js';
import { containedPath } from '../../fs.js';
import { JekyllContext } from '../jekyll-context.js';

/** Includes nested deeper than this are refused (a file including itself would never end). */
export const MAX_INCLUDE_DEPTH = 50;

/** The folder `include_relative` names files from: the rendering page's (in nested includes too). */
export function includeRelativeFolder(pagePath: string): string {
  const slash = pagePath.lastIndexOf('/');
  return slash < 0 ? '' : pagePath.slice(0, slash);
}

const INCLUDE_RELATIVE_NAME = /\{%-?\s*include_relative\s+([^\s%}]+)/g;

/**
 * What the include_relative tags of a Liquid text read, seen from `folder`, in order, before
 * rendering: a site-relative path for a name written out (names that leave the site are
 * left out), `null` for a name built at render time, which may be any file.
 */
export function includeRelativeTargets(text: string, folder: string): Array<string | null> {
  if (!text.includes('include_relative')) return [];
  const targets: Array<string | null> = [];
  for (const [, name] of text.matchAll(INCLUDE_RELATIVE_NAME)) {
    if (name!.includes('{{')) targets.push(null);
    else {
      const path = containedPath(folder === '' ? name! : `${folder}/${name}`);
      if (path !== undefined) targets.push(path);
    }
  }
  return targets;
}

export interface IncludeEnvironment {
  fs: SiteFileSystem;
  /** Folder of includes relative to the site root (`_includes`). */
  includesDir: string;
  /** Parses (and caches) the Liquid of an included file. */
  parseFile(path: string, source: string): Template[];
}

// Jekyll's own grammar for the tag's markup.
const VARIABLE_FILE = /(?<variable>[^{]*(?:\{\{\s*[\w\-.]+\s*(?:\|[\s\S]*)?\}\}[^\s{}]*)+)(?<params>[\s\S]*)/;
const PARAM = /([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))/g;
const ALL_PARAMS = new RegExp(String.raw`^\s*(?:${PARAM.source}(?=\s|$)\s*)*$`);
const VALID_FILE_NAME = /^[\w/.\-()+~#@]+$/;
const INVALID_SEQUENCE = /[./]{2,}/;

type Param = { key: string; value: string } | { key: string; expression: Value };

export class IncludeSyntaxError extends Error {}

export function createIncludeTags(env: IncludeEnvironment) {
  class IncludeTag extends Tag {
    private readonly fileName: string;
    private readonly fileTemplates: Template[] | undefined;
    private readonly params: Param[] | undefined;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      const markup = token.args.trim();
      const variable = VARIABLE_FILE.exec(markup);
      let params: string | undefined;
      if (variable?.groups) {
        this.fileName = variable.groups.variable!.trim();
        params = variable.groups.params!.trim();
        this.fileTemplates = liquid.parse(this.fileName, token.file);
      } else {
        const split = /^(\S*)(?:\s+([\s\S]*))?$/.exec(markup);
        this.fileName = split?.[1] ?? '';
        params = split?.[2];
      }
      if (this.fileName === '') throw new IncludeSyntaxError(`{% ${this.name} %} needs a file name`);
      if (params !== undefined) {
        if (!ALL_PARAMS.test(params)) {
          throw new IncludeSyntaxError(
            `invalid parameters for {% ${this.name} %}: "${params}" (use name="text", name='text' or name=variable)`,
          );
        }
        this.params = [...params.matchAll(PARAM)].map(([, key, double, single, name]): Param => {
          if (double !== undefined) return { key: key!, value: double.replace(/\\"/g, '"') };
          if (single !== undefined) return { key: key!, value: single.replace(/\\'/g, "'") };
          return { key: key!, expression: new Value(name!, liquid) };
        });
      }
    }

    /** The folder the file name is relative to, relative to the site root. */
    protected folder(_ctx: JekyllContext): string {
      return env.includesDir;
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const jekyll = ctx as JekyllContext;
      const name = this.fileTemplates
        ? String(yield this.liquid.renderer.renderTemplates(this.fileTemplates, ctx)).trim()
        : this.fileName;
      const folder = this.folder(jekyll);
      const path = locate(env.fs, folder, name, this.name);
      const source = jekyll.state?.includedBodies[path] ?? env.fs.readText(path);
      if (source === undefined) throw new Error(`${this.name}: cannot read ${path}`);
      jekyll.state?.sources.register(source, { file: path, lineOffset: 0, source });
      const templates = env.parseFile(path, source);

      let include: Record<string, unknown> | undefined;
      if (this.params) {
        include = Object.create(null) as Record<string, unknown>;
        for (const param of this.params) {
          include[param.key] = 'value' in param ? param.value : yield param.expression.value(ctx, false);
        }
      }
      const state = jekyll.state;
      if (state && state.includeDepth >= MAX_INCLUDE_DEPTH) {
        throw new Error(`includes nested more than ${MAX_INCLUDE_DEPTH} deep (does ${path} include itself?)`);
      }
      ctx.push(include ? { include } : {});
      if (state) state.includeDepth++;
      try {
        yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
      } finally {
        if (state) state.includeDepth--;
        ctx.pop();
      }
    }
  }

  class IncludeRelativeTag extends IncludeTag {
    protected override folder(ctx: JekyllContext): string {
      return includeRelativeFolder(ctx.state?.file ?? '');
    }
  }

  return { include: IncludeTag, include_relative: IncludeRelativeTag };
}

/**
 * The site-relative path of `name` inside `folder`, or an error saying why it is refused:
 * Jekyll's file-name rules, then containment (also through symlinks), then existence.
 */
function locate(fs: SiteFileSystem, folder: string, name: string, tag: string): string {
  if (INVALID_SEQUENCE.test(name) || !VALID_FILE_NAME.test(name)) {
    throw new Error(
      `${tag}: invalid file name "${name}": it may use letters, digits and / . - ( ) + ~ # @, ` +
        'but not "..", "./" or "//"',
    );
  }
  const where = folder === '' ? 'the site folder' : `${folder}/`;
  const path = containedPath(folder === '' ? name : `${folder}/${name}`);
  if (path === undefined) throw new Error(`${tag}: "${name}" is outside ${where}`);
  const real = fs.realPath ? fs.realPath(path) : path;
  const realFolder = folder === '' ? '' : (fs.realPath?.(folder) ?? folder);
  if (real !== undefined && realFolder !== '' && !real.startsWith(`${realFolder}/`)) {
    throw new Error(`${tag}: "${name}" leads outside ${where} (symbolic link)`);
  }
  if (real === undefined || !fs.isFile(path)) throw new Error(`${tag}: file "${name}" not found in ${where}`);
  return path;
}
