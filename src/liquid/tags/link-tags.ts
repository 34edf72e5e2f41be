// Jekyll's `{% link path/to/file.md %}` and `{% post_url 2024-01-05-welcome %}`: the URL
// (with `site.baseurl`) of a page, document, static file or post named by its source path.
// They look through what the page sees as `site.pages`, `site.posts`, `site.documents`,
// `site.collections[].docs` and `site.static_files`, reading `relative_path` or `path`.
import { Tag, type Context, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { JekyllContext } from '../jekyll-context.js';
import { relativeUrl } from '../filters/url-filters.js';
import { localWallClock, siteTimeZone } from '../ruby-time.js';
import { isPlainRecord } from '../ruby-values.js';

type Item = Record<string, unknown>;

const asItems = (value: unknown): Item[] => (Array.isArray(value) ? value.filter(isPlainRecord) : []);

function siteFiles(site: Record<string, unknown>): Item[] {
  const collections = Array.isArray(site.collections)
    ? site.collections.filter(isPlainRecord).flatMap((collection) => asItems(collection.docs))
    : [];
  return [
    ...asItems(site.pages),
    ...asItems(site.posts),
    ...asItems(site.documents),
    ...collections,
    ...asItems(site.static_files),
  ];
}

const sourcePath = (item: Item): string | undefined => {
  const value = item.relative_path ?? item.path;
  return typeof value === 'string' ? value : undefined;
};

function siteOf(ctx: Context): Record<string, unknown> {
  return ctx instanceof JekyllContext && ctx.state ? ctx.state.site : {};
}

export class LinkTag extends Tag {
  private readonly target: Template[];
  private readonly markup: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.markup = token.args.trim();
    this.target = liquid.parse(this.markup, token.file);
  }

  *render(ctx: Context): Generator<unknown, string, unknown> {
    const path = String(yield this.liquid.renderer.renderTemplates(this.target, ctx)).trim();
    const withSlash = path.startsWith('/') ? path : `/${path}`;
    const site = siteOf(ctx);
    const found = siteFiles(site).find((item) => {
      const itemPath = sourcePath(item);
      return itemPath === path || itemPath === withSlash;
    });
    if (!found) throw new Error(`link: no page, document or file "${path}" in this site`);
    return relativeUrl(site, found) ?? '';
  }
}

// Jekyll's post name: optional folders, a date, then the slug.
const POST_NAME = /^(.+\/)*(\d+-\d+-\d+)-(.*)$/;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class PostUrlTag extends Tag {
  private readonly postName: string;
  private readonly matcher: RegExp;
  private readonly slug: string;
  private readonly date: [number, number, number];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.postName = token.args.trim();
    const match = POST_NAME.exec(this.postName.replace(/^\//, ''));
    if (!match) throw new Error(`post_url: "${this.postName}" is not a post name (YYYY-MM-DD-title)`);
    const folder = match[1] ?? '';
    const date = match[2]!;
    this.slug = match[3]!;
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    this.date = [year, month, day];
    const file = `${escapeRegExp(date)}-${escapeRegExp(this.slug)}\\.[^.]+`;
    const dir = escapeRegExp(folder);
    this.matcher = new RegExp(`^_posts/${dir}${file}|^${dir}_posts/?${file}`);
  }

  *render(ctx: Context): Generator<unknown, string, unknown> {
    const site = siteOf(ctx);
    const posts = asItems(site.posts);
    const found =
      posts.find((post) => this.matcher.test(sourcePath(post) ?? '')) ??
      // Jekyll's older rule, still honoured: same slug and the same day.
      posts.find((post) => post.slug === this.slug && sameDay(post.date, this.date, siteTimeZone(site)));
    if (!found) throw new Error(`post_url: no post "${this.postName}" in this site`);
    return relativeUrl(site, found) ?? '';
  }
}

/** Whether a post's date falls on that day in the site's zone. */
function sameDay(value: unknown, [year, month, day]: [number, number, number], timeZone: string | undefined): boolean {
  if (!(value instanceof Date)) return false;
  const clock = localWallClock(value, timeZone);
  return clock.year === year && clock.month === month && clock.day === day;
}
