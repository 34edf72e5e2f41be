// A small faro site written to a temp folder, for tests that need real files.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const MINIMAL_CONFIG = `export default {
  title: 'Test Help',
  url: 'https://help.example.com',
  permalink: '/:categories/:title',
  locales: {
    'us-en': { lang: 'en-US', path: 'us/en', label: 'English' },
    'co-es': { lang: 'es-CO', path: 'co/es', label: 'Español' },
  },
  categories: { wework: { title: 'WeWork' } },
  site: { office_link: { co: 'https://co.example' } },
};
`;

export function writeSite(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'faro-site-'));
  for (const [path, content] of Object.entries({ 'site.config.ts': MINIMAL_CONFIG, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** One hash over every file's path and bytes under `dir`. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path.slice(dir.length)).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Each file's sha256 under `dir`, by its path relative to `dir` (for comparing two outputs). */
export function fileHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (abs: string, rel: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(abs, entry.name), path);
      else hashes.set(path, createHash('sha256').update(readFileSync(join(abs, entry.name))).digest('hex'));
    }
  };
  walk(dir, '');
  return hashes;
}
