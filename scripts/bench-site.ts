// Generates a help-center source folder of N distinct articles for `npm run bench`.
// From the shared corpus when it is present: copy k of every article gets its own file
// name, a title suffix and a sentence of its own, so no two bodies are equal (a cache or
// a deduplicating renderer cannot cheat). Otherwise from built-in templates that use the
// same features: a kramdown TOC, IALs, images, Liquid variables and tables.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface GeneratedSite {
  dir: string;
  articles: string[];
  origin: 'corpus' | 'templates';
}

const MARKDOWN = /\.(md|markdown)$/;

export function generateSite(dir: string, count: number, corpusDir?: string): GeneratedSite {
  mkdirSync(dir, { recursive: true });
  return corpusDir && existsSync(join(corpusDir, '_config.yml'))
    ? fromCorpus(dir, count, corpusDir)
    : fromTemplates(dir, count);
}

function fromCorpus(dir: string, count: number, corpusDir: string): GeneratedSite {
  const originals = walk(corpusDir).filter((file) => MARKDOWN.test(file)).sort();
  // Everything that is not an article (config, images) is copied once.
  for (const entry of readdirSync(corpusDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('_') && !entry.name.startsWith('.') && !hasMarkdown(join(corpusDir, entry.name))) {
      cpSync(join(corpusDir, entry.name), join(dir, entry.name), { recursive: true });
    } else if (entry.isFile()) cpSync(join(corpusDir, entry.name), join(dir, entry.name));
  }
  for (const special of ['_includes', '_data']) {
    if (existsSync(join(corpusDir, special))) cpSync(join(corpusDir, special), join(dir, special), { recursive: true });
  }
  const articles: string[] = [];
  for (let copy = 0; articles.length < count; copy++) {
    for (const file of originals) {
      if (articles.length >= count) break;
      const rel = relative(corpusDir, file);
      const target = rel.replace(MARKDOWN, `-c${copy}.$1`);
      writeText(join(dir, target), distinctCopy(readFileSync(file, 'utf8'), copy, target));
      articles.push(target);
    }
  }
  return { dir, articles, origin: 'corpus' };
}

/** The article with ` (copy k)` added to its title and one sentence only this copy has. */
export function distinctCopy(text: string, copy: number, path: string): string {
  const suffix = ` (copy ${copy})`;
  const withTitle = text.replace(/^(title:[ \t]*)(.*)$/m, (_line, key: string, value: string) => {
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote)) return `${key}${value.slice(0, -1)}${suffix}${quote}`;
    return `${key}${value.trimEnd()}${suffix}`;
  });
  return `${withTitle.trimEnd()}\n\nThis is copy ${copy} of the article, generated as ${path} for the benchmark.\n`;
}

const LOCALES = [
  { dir: 'us/en', locale: 'en-us', country: 'US', language: 'English', word: 'Settings' },
  { dir: 'fr/fr', locale: 'fr-fr', country: 'FR', language: 'French', word: 'Paramètres' },
  { dir: 'co/es', locale: 'es-co', country: 'CO', language: 'Spanish', word: 'Configuración' },
];
const TAGS = ['calling', 'billing', 'voicemail', 'devices', 'end-user-features', 'admin'];

function fromTemplates(dir: string, count: number): GeneratedSite {
  writeText(
    join(dir, '_config.yml'),
    [
      'title: Benchmark Help Center',
      'url: "https://help.example.com"',
      'permalink: /:categories/:title',
      'markdown: kramdown',
      'office_link:',
      ...LOCALES.map((l) => `  ${l.country.toLowerCase()}: "https://office.example.${l.country.toLowerCase()}"`),
      '',
    ].join('\n'),
  );
  // A 1×1 PNG, so image references point at a real file.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  mkdirSync(join(dir, 'assets/images'), { recursive: true });
  writeFileSync(join(dir, 'assets/images/screen.png'), png);
  const articles: string[] = [];
  for (let n = 0; n < count; n++) {
    const locale = LOCALES[n % LOCALES.length]!;
    const path = `${locale.dir}/article-${n}.markdown`;
    writeText(join(dir, path), templateArticle(n, locale));
    articles.push(path);
  }
  return { dir, articles, origin: 'templates' };
}

function templateArticle(n: number, locale: (typeof LOCALES)[number]): string {
  const tags = [TAGS[n % TAGS.length], TAGS[(n * 7 + 3) % TAGS.length]];
  const link = `site.office_link.${locale.country.toLowerCase()}`;
  const sections = [1, 2, 3].map(
    (s) => `## ${locale.word} step ${s} of article ${n}

Open [the portal]({{ ${link} }}) and choose **${locale.word}**, then *step ${s}*. Article ${n}
explains it on {{ page.title | downcase }} for {{ site.title }}.

![Screen ${s}]({{ site.baseurl }}/assets/images/screen.png){: height="250px"}

{: .note}
> Tip ${s}: changes apply within a minute -- no restart needed.

| Option | Value for ${n} | Notes |
|:-------|:--------------:|------:|
| Ring | ${s * 5} s | default |
| Forward | \`+1 555 0${n % 1000}\` | optional |
`,
  );
  return `---
layout: post
title: "${locale.word} guide ${n}"
date: 2017-02-${String((n % 27) + 1).padStart(2, '0')} 09:15:00
country: [${locale.country}]
language: [${locale.language}]
locale: [${locale.locale}]
category: [${n % 5 === 0 ? 'billing' : 'wework'}]
tags: [${tags.join(', ')}]
---

This guide ${n} shows how to change ${locale.word.toLowerCase()}.

* Table of Contents
{:toc}

${sections.join('\n')}
1. First item of article ${n}
2. Second item with a [link](/${locale.dir}/article-${(n + 3) % 1000})
`;
}

function writeText(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

function hasMarkdown(dir: string): boolean {
  return walk(dir).some((file) => MARKDOWN.test(file));
}
