// Queries a built site's Pagefind index with Pagefind's own JS, served over real HTTP.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface SearchHit {
  url: string;
  title: string;
}

export async function searchSite(siteDir: string, language: string, query: string): Promise<SearchHit[]> {
  const root = resolve(siteDir);
  const server = http.createServer(async (req, res) => {
    const path = resolve(root, '.' + decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname));
    if (!path.startsWith(root + sep)) return void res.writeHead(403).end();
    try {
      res.end(await readFile(path));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const { port } = server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    // A fresh module instance per call: Pagefind keeps its state in module scope.
    const url = `${pathToFileURL(join(root, 'pagefind', 'pagefind.js')).href}?${Date.now()}${Math.random()}`;
    const pagefind = await import(url);
    await pagefind.options({ basePath: `${base}/pagefind/` });
    await pagefind.init(language);
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.map((r: { data: () => Promise<unknown> }) => r.data()));
    return (data as { url: string; meta: { title: string } }[]).map((d) => ({
      url: d.url.replace(base, ''),
      title: d.meta.title,
    }));
  } finally {
    server.close();
  }
}
