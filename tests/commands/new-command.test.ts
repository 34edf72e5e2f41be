import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { slugOf } from '../../src/commands/new.js';
import { parsePage } from '../../src/pipeline/parse-front-matter.js';
import { runCli } from '../support/run-cli.js';
import { writeSite } from '../support/temp-site.js';

const sites: string[] = [];
afterEach(() => {
  for (const root of sites.splice(0)) rmSync(root, { recursive: true, force: true });
});

function site(files: Record<string, string> = {}): string {
  const root = writeSite({ 'content/co/es/.keep': '', 'content/us/en/.keep': '', ...files });
  sites.push(root);
  return root;
}

describe('slugOf', () => {
  test('folds accents, lower-cases and joins words with hyphens', () => {
    expect(slugOf('Configuración')).toBe('configuracion');
    expect(slugOf('  ¿Cómo añadir un número?  ')).toBe('como-anadir-un-numero');
    expect(slugOf("Ooma's Straße & Co.")).toBe('oomas-strasse-co');
    expect(slugOf('Ça coûte 10 €')).toBe('ca-coute-10');
  });
});

describe('faro new', () => {
  test('writes the article with its front matter in the locale folder and prints path and URL', async () => {
    const root = site();
    const run = await runCli(['new', 'Configuración del buzón', '--locale', 'co-es', '--category', 'wework', '--tags', 'voicemail,setup'], root);
    expect(run.code).toBe(0);
    const path = join(root, 'content/co/es/configuracion-del-buzon.md');
    expect(run.stdout).toBe(
      'created content/co/es/configuracion-del-buzon.md\nurl     /co/es/configuracion-del-buzon  (https://help.example.com/co/es/configuracion-del-buzon)\n',
    );
    const text = readFileSync(path, 'utf8');
    const page = parsePage({ sourcePath: 'co/es/configuracion-del-buzon.md', kind: 'page', source: text, isMarkdown: true }, []);
    expect(page.data).toMatchObject({
      layout: 'post',
      title: 'Configuración del buzón',
      language: ['Spanish'],
      locale: ['co-es'],
      category: ['wework'],
      tags: ['voicemail', 'setup'],
    });
    expect(page.data.country).toBeUndefined();
    expect(Math.abs(page.date!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  test("copies how the locale's articles write country and language, and their extension", async () => {
    const existing = '---\nlayout: post\ntitle: Old\ncountry: [Colombia]\nlanguage: [Español]\nlocale: [co-es]\ncategory: [wework]\n---\nTexto.\n';
    const root = site({ 'content/co/es/old.markdown': existing });
    const run = await runCli(['new', 'Nuevo', '--locale', 'co-es', '--category', 'wework'], root);
    expect(run.code).toBe(0);
    const text = readFileSync(join(root, 'content/co/es/nuevo.markdown'), 'utf8');
    expect(text).toContain('\ncountry: [Colombia]\nlanguage: [Español]\nlocale: [co-es]\ncategory: [wework]\ntags: []\n---\n');
  });

  test('quotes titles YAML would read otherwise', async () => {
    const root = site();
    await runCli(['new', 'Yes: "quoted" # not a comment', '--locale', 'us-en', '--category', 'wework'], root);
    const text = readFileSync(join(root, 'content/us/en/yes-quoted-not-a-comment.md'), 'utf8');
    expect(text).toContain('title: "Yes: \\"quoted\\" # not a comment"\n');
  });

  test('refuses to overwrite a file or reuse a URL', async () => {
    const root = site();
    mkdirSync(join(root, 'content/co/es'), { recursive: true });
    writeFileSync(join(root, 'content/co/es/hola.md'), 'mine');
    const again = await runCli(['new', 'Hola', '--locale', 'co-es', '--category', 'wework'], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('co/es/hola.md already exists; nothing was written');
    expect(readFileSync(join(root, 'content/co/es/hola.md'), 'utf8')).toBe('mine');

    writeFileSync(join(root, 'content/co/es/otra.md'), '---\ntitle: Otra\npermalink: /co/es/adios\nlocale: [co-es]\ncategory: [wework]\n---\n');
    const sameUrl = await runCli(['new', 'Adiós', '--locale', 'co-es', '--category', 'wework'], root);
    expect(sameUrl.code).toBe(1);
    expect(sameUrl.stderr).toContain('/co/es/adios is already the URL of co/es/otra.md');
  });

  test('unknown locale or category and a missing title are usage errors', async () => {
    const root = site();
    expect((await runCli(['new', 'X', '--locale', 'xx-yy'], root)).stderr).toContain('unknown locale "xx-yy" (known: us-en, co-es)');
    expect((await runCli(['new', 'X', '--locale', 'co-es', '--category', 'garden'], root)).code).toBe(2);
    expect((await runCli(['new', '--locale', 'co-es'], root)).stderr).toContain('the title is required');
  });
});
