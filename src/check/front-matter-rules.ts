// Front matter findings the build itself lets through: pages without a title
// (`missing-title`, warning) and files that would be written to the same output path
// (`duplicate-url`, error: Jekyll silently keeps only one of them).
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { GeneratedSite } from '../build.js';
import { lineOfKey } from '../pipeline/parse-front-matter.js';
import type { Page } from '../pipeline/types.js';

export function checkFrontMatter(generated: GeneratedSite): Diagnostic[] {
  return [...missingTitles(generated.site.allPages), ...duplicateOutputs(generated)];
}

/** Articles are Markdown pages and posts; a plain HTML page may well have no title. */
export const isArticle = (page: Page): boolean => page.kind !== 'page' || page.isMarkdown;

function missingTitles(pages: Page[]): Diagnostic[] {
  return pages
    .filter((page) => isArticle(page) && page.title === '')
    .map((page) =>
      diagnostic(
        { file: page.sourcePath, line: page.data.title === undefined ? 1 : lineOfKey(page.source, 'title', page.bodyOffset), source: page.source },
        'warning',
        'missing-title',
        page.data.title === undefined ? 'no title in front matter: listings, search results and the browser tab show none' : 'the title is empty',
      ),
    );
}

interface Writer {
  outputPath: string;
  /** The author's file, or what faro generates there. */
  name: string;
  page?: Page;
}

function duplicateOutputs({ site, views }: GeneratedSite): Diagnostic[] {
  const writers: Writer[] = [
    ...site.allPages.map((page) => ({ outputPath: page.outputPath, name: page.sourcePath, page })),
    ...site.staticFiles.map((file) => ({ outputPath: file.outputPath, name: file.sourcePath })),
    // Listing pages faro generates (home, categories, tags, search, 404).
    ...views.filter((view) => !view.sourcePath).map((view) => ({ outputPath: view.outputPath, name: `faro's ${view.layout} page` })),
  ];
  const byOutput = new Map<string, Writer[]>();
  for (const writer of writers) byOutput.set(writer.outputPath, [...(byOutput.get(writer.outputPath) ?? []), writer]);

  const findings: Diagnostic[] = [];
  for (const [outputPath, group] of byOutput) {
    if (group.length < 2) continue;
    for (const writer of group) {
      if (writer.name.startsWith("faro's ")) continue;
      const others = group.filter((w) => w !== writer).map((w) => w.name);
      const url = writer.page?.url ?? `/${outputPath}`;
      const where = writer.page
        ? { file: writer.name, line: writer.page.data.permalink === undefined ? 1 : lineOfKey(writer.page.source, 'permalink', writer.page.bodyOffset), source: writer.page.source }
        : { file: writer.name, line: 1 };
      findings.push(
        diagnostic(where, 'error', 'duplicate-url', `${url} (${outputPath}) is also written by ${others.join(', ')}: only one of them would be published`),
      );
    }
  }
  return findings;
}
