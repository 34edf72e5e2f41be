// Links, anchors and assets of every rendered page, resolved as a browser and a static
// host would: relative to the page's URL, with the site's baseurl, clean URLs allowed.
// Rules: `broken-link`, `broken-anchor`, `missing-asset` (all errors).
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { pageVariables } from '../pipeline/liquid-variables.js';
import type { RenderedPage } from '../pipeline/types.js';
import { scanHtml, type HtmlReference } from './html-scan.js';
import type { SiteTargets } from './site-targets.js';
import { liquidLookup, normalise, SourceUrlLocator, sourceUrls } from './source-urls.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ORIGIN = 'http://faro.invalid';
// `office.example.com/path` written without `https://` resolves as a relative path.
const LOOKS_LIKE_HOST = /^(?:www\.|[a-z0-9-]+\.)+(?:com|org|net|io|co|fr|uk|mx|au|us|es|de|info|app|dev)(?:[/?#]|$)/i;

export function checkLinks(
  pages: RenderedPage[],
  targets: SiteTargets,
  config: ResolvedConfig,
  site: Record<string, unknown>,
): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const page of pages) {
    const locator = new SourceUrlLocator(
      sourceUrls(page.source, page.bodyOffset, liquidLookup({ site, page: pageVariables(page) })),
    );
    const self = { outputPath: page.outputPath, ids: scanHtml(page.html).ids };
    for (const reference of scanHtml(page.html).references) {
      const written = locator.locate(reference.url);
      // Built from an undefined Liquid variable: that variable is the finding.
      if (written && written.undefinedVariables.length > 0) continue;
      const problem = linkProblem(reference, page, targets, config, self);
      if (!problem) continue;
      const where = written ?? fallbackPosition(page, reference.url);
      findings.push(diagnostic({ file: page.sourcePath, ...where, source: page.source }, 'error', problem.rule, problem.message));
    }
  }
  return findings;
}

interface Problem {
  rule: 'broken-link' | 'broken-anchor' | 'missing-asset';
  message: string;
}

function linkProblem(
  reference: HtmlReference,
  page: RenderedPage,
  targets: SiteTargets,
  config: ResolvedConfig,
  self: { outputPath: string; ids: Set<string> },
): Problem | undefined {
  // The site's own absolute URLs (`https://help.example.com/co/es/a`) are internal links too.
  const own = config.url && (reference.url === config.url || reference.url.startsWith(`${config.url}/`));
  const url = own ? reference.url.slice(config.url.length) || '/' : reference.url;
  if (url === '' || SCHEME.test(url) || url.startsWith('//')) return undefined;
  const hashAt = url.indexOf('#');
  const fragment = hashAt === -1 ? '' : safeDecode(url.slice(hashAt + 1));
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const pathPart = beforeHash.replace(/\?.*$/, '');
  const quoted = `"${url}"`;

  if (pathPart === '') return anchorProblem(fragment, self, 'this page', quoted);

  let resolved: string;
  try {
    resolved = safeDecode(new URL(pathPart, `${ORIGIN}${config.baseurl}${page.url}`).pathname);
  } catch {
    return { rule: 'broken-link', message: `${what(reference)} ${quoted} is not a valid URL` };
  }
  let sitePath = resolved;
  if (config.baseurl) {
    if (resolved !== config.baseurl && !resolved.startsWith(`${config.baseurl}/`)) {
      const target = targets.resolve(resolved);
      return {
        rule: reference.kind === 'link' ? 'broken-link' : 'missing-asset',
        message: `${what(reference)} ${quoted} leaves the site's baseurl ${config.baseurl}${target ? ` (write ${config.baseurl}${resolved})` : ''}`,
      };
    }
    sitePath = resolved.slice(config.baseurl.length) || '/';
  }

  const target = targets.resolve(sitePath);
  if (!target) {
    const asset = reference.kind !== 'link' || (!LOOKS_LIKE_HOST.test(pathPart) && /\.(?!html?$)[a-z0-9]{1,5}$/i.test(sitePath));
    return {
      rule: asset ? 'missing-asset' : 'broken-link',
      message: `${what(reference)} ${quoted}: nothing at ${config.baseurl}${sitePath}${hint(pathPart, sitePath, targets, config)}`,
    };
  }
  if (fragment === '') return undefined;
  return anchorProblem(fragment, target, `${config.baseurl}${sitePath}`, quoted);
}

function anchorProblem(
  fragment: string,
  target: { ids?: Set<string> },
  where: string,
  quoted: string,
): Problem | undefined {
  // `#` and `#top` need no element; pages whose HTML is not known cannot be checked.
  if (fragment === '' || fragment.toLowerCase() === 'top' || !target.ids || target.ids.has(fragment)) return undefined;
  const closest = closestId(fragment, target.ids);
  return {
    rule: 'broken-anchor',
    message: `link ${quoted}: ${where} has no element with id "${fragment}"${closest ? ` (did you mean #${closest}?)` : ''}`,
  };
}

function what(reference: HtmlReference): string {
  return reference.kind === 'image' ? 'image' : reference.kind === 'asset' ? `asset (${reference.origin})` : 'link';
}

function hint(written: string, sitePath: string, targets: SiteTargets, config: ResolvedConfig): string {
  if (LOOKS_LIKE_HOST.test(written)) return ` (an address on another site needs https://${written})`;
  const similar = targets.similar(sitePath);
  return similar ? ` (did you mean ${config.baseurl}${similar}?)` : '';
}

/** Where a URL no source URL matched appears in the file (e.g. it came from an include). */
function fallbackPosition(page: RenderedPage, url: string): { line: number; column: number } {
  const fromMarkdown = page.links.find((link) => link.href === url);
  if (fromMarkdown) return { line: fromMarkdown.line, column: fromMarkdown.column };
  const lines = page.source.split(/\r\n|\r|\n/);
  const text = normalise(url);
  for (let i = page.bodyOffset; i < lines.length; i++) {
    const column = lines[i]!.indexOf(text);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  return { line: page.bodyOffset + 1, column: 1 };
}

function closestId(wanted: string, ids: Set<string>): string | undefined {
  let best: { id: string; distance: number } | undefined;
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  for (const id of ids) {
    const distance = editDistance(wanted.toLowerCase(), id.toLowerCase(), limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { id, distance };
  }
  return best?.id;
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
