// A warm build learns that nothing changed from the inputs' fingerprint; a file's content
// hash comes from the last fingerprint's signatures when its size and mtime are the same,
// and is read again when they differ or when the file was written too close to the last
// fingerprint for its mtime to be trusted.
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inputFingerprint, type InputSignatures } from '../../src/cache/input-fingerprint.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { writeSite } from '../support/temp-site.js';

const front = (title: string) => `---\ntitle: ${title}\nlocale: [us-en]\n---\n`;
let root = '';
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

async function fingerprintOf(known?: InputSignatures) {
  const config = await resolveConfig({ cwd: root, outDir: join(root, '_site') });
  return inputFingerprint({ config, filters: { locales: [], categories: [], drafts: false }, ignore: [config.outDir], known });
}

/** The signatures with one file's recorded hash replaced (as if it had other content then). */
function withHash(signatures: InputSignatures, path: string, hash: string, takenAt = signatures.takenAt): InputSignatures {
  return { takenAt, files: { ...signatures.files, [path]: [signatures.files[path]![0], signatures.files[path]![1], hash] } };
}

describe('the input fingerprint', () => {
  it('takes an unchanged file’s hash from the signatures, and reads a changed one', async () => {
    root = writeSite({ 'content/us/en/a.md': `${front('A')}Alpha.\n`, 'content/us/en/b.md': `${front('B')}Beta.\n` });
    const article = join(root, 'content/us/en/a.md');
    // written long before the signatures were taken: size and mtime are to be trusted
    const old = new Date(Date.now() - 60_000);
    utimesSync(article, old, old);
    const first = await fingerprintOf();
    expect(first.signatures.files[article]?.[0]).toBe(statSync(article).size);
    expect((await fingerprintOf(first.signatures)).hash).toBe(first.hash);

    // the recorded hash is used, not the file: a different recorded hash gives another fingerprint
    const recorded = withHash(first.signatures, article, 'f'.repeat(40));
    expect((await fingerprintOf(recorded)).hash).not.toBe(first.hash);

    // new content of the same size with a new mtime is read
    writeFileSync(article, readFileSync(article, 'utf8').replace('Alpha', 'Gamma'));
    const edited = await fingerprintOf(recorded);
    expect(edited.hash).not.toBe(first.hash);
    expect(edited.signatures.files[article]?.[2]).not.toBe('f'.repeat(40));
  });

  it('reads a file again when it was written within moments of the last signatures', async () => {
    root = writeSite({ 'content/us/en/a.md': `${front('A')}Alpha.\n` });
    const article = join(root, 'content/us/en/a.md');
    // signatures taken right after the write: a same-size edit could keep the mtime
    const fine = new Date(Date.now() - 60_000 + 123);
    utimesSync(article, fine, fine);
    const first = await fingerprintOf();
    const racy = withHash(first.signatures, article, 'f'.repeat(40), statSync(article).mtimeMs + 20);
    expect((await fingerprintOf(racy)).hash).toBe(first.hash);
    // with a clock of whole seconds (FAT, HFS+), two seconds count as moments
    const coarse = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(article, coarse, coarse);
    const second = await fingerprintOf();
    const coarseRacy = withHash(second.signatures, article, 'f'.repeat(40), statSync(article).mtimeMs + 1500);
    expect((await fingerprintOf(coarseRacy)).hash).toBe(second.hash);
    // a second after the write is safe on a fine-grained clock
    utimesSync(article, fine, fine);
    const third = await fingerprintOf();
    const safe = withHash(third.signatures, article, 'f'.repeat(40), statSync(article).mtimeMs + 1000);
    expect((await fingerprintOf(safe)).hash).not.toBe(third.hash);
  });
});
