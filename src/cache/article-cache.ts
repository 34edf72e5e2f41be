// The render cache as the render stage sees it: the key of an article (its own text and
// variables, the site configuration, faro's fingerprint) and the check that everything else
// the cached render depended on (files read, site collections mentioned) is unchanged.
import type { ArticleInput, RenderSettings } from '../render-article.js';
import { collectionKeysOf, fileHash, type ArticleDependencies } from './dependencies.js';
import { faroFingerprint, hashOf, stableJson } from './fingerprint.js';
import type { CachedRender, RenderCache } from './render-cache.js';

/** Hashes of the site collections an entry depended on, stored with it. */
export type SiteHashes = Record<string, string>;

export interface ArticleCacheEntry extends CachedRender {
  site: SiteHashes;
}

export class ArticleCache {
  private readonly configKey: string;
  private readonly fileHashes = new Map<string, string>();
  private readonly siteHashes = new Map<string, string>();

  constructor(
    readonly store: RenderCache,
    private readonly settings: RenderSettings,
  ) {
    this.configKey = configKeyOf(settings);
  }

  keyOf(input: ArticleInput): string {
    return hashOf(this.configKey, input.file, input.isMarkdown ? 'md' : 'liquid', String(input.bodyOffset), input.source, stableJson(input.page));
  }

  /** The cached render of `input`, when it exists and all its dependencies are unchanged. */
  lookup(input: ArticleInput, key = this.keyOf(input)): ArticleCacheEntry | undefined {
    const entry = this.store.get(key) as ArticleCacheEntry | undefined;
    if (!entry || entry.file !== input.file || !this.stillValid(entry)) return undefined;
    this.store.use(input.file, key);
    return entry;
  }

  remember(input: ArticleInput, key: string, render: Omit<CachedRender, 'key' | 'file' | 'deps'>, deps: ArticleDependencies): void {
    if (deps.volatile) return;
    const site: SiteHashes = {};
    for (const name of deps.siteKeys) site[name] = this.siteHash(name);
    const entry: ArticleCacheEntry = { key, file: input.file, ...render, deps, site };
    this.store.set(entry);
  }

  private stillValid(entry: ArticleCacheEntry): boolean {
    for (const dep of entry.deps.files) if (this.fileHash(dep.path) !== dep.hash) return false;
    for (const name of entry.deps.siteKeys) if (entry.site?.[name] !== this.siteHash(name)) return false;
    return true;
  }

  private fileHash(path: string): string {
    let hash = this.fileHashes.get(path);
    if (hash === undefined) {
      hash = fileHash(this.settings.fs, path);
      this.fileHashes.set(path, hash);
    }
    return hash;
  }

  /** Hash of one site collection (or of the whole `site` for `*`), once per build. */
  private siteHash(name: string): string {
    let hash = this.siteHashes.get(name);
    if (hash === undefined) {
      hash = hashOf(stableJson(name === '*' ? this.settings.site : this.settings.site[name]));
      this.siteHashes.set(name, hash);
    }
    return hash;
  }
}

/**
 * Everything every article's render depends on: faro itself, the kramdown options, the
 * includes folder, the environment Liquid sees, and `site.*` without its collections.
 */
export function configKeyOf(settings: RenderSettings): string {
  const config: Record<string, unknown> = {};
  const collectionKeys = collectionKeysOf(settings.site);
  for (const [name, value] of Object.entries(settings.site)) if (!collectionKeys.has(name)) config[name] = value;
  return hashOf(
    faroFingerprint(),
    stableJson(settings.kramdown),
    settings.includesDir,
    process.env.JEKYLL_ENV ?? '',
    stableJson(config),
  );
}
