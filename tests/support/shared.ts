// ../shared (the real corpus and Jekyll's reference output) sits beside the repo in CI;
// tests that need it skip with this message when it is absent.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared');
export const CORPUS_DIR = resolve(SHARED_DIR, 'corpus/wework-support');
export const REFERENCE_DIR = resolve(SHARED_DIR, 'reference/jekyll-4.3/wework-support');
export const HAS_CORPUS = existsSync(CORPUS_DIR);
export const SKIP_REASON = `skipped: ${CORPUS_DIR} is absent (the shared corpus sits beside the repo in CI)`;
