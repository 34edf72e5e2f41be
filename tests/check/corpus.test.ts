// `faro check` on the real corpus (skipped when ../shared is absent).
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/check/format-report.js';
import { runCli } from '../support/run-cli.js';
import { CORPUS_DIR, HAS_CORPUS, SKIP_REASON } from '../support/shared.js';

describe.skipIf(!HAS_CORPUS)(`faro check on the corpus ${HAS_CORPUS ? '' : SKIP_REASON}`, () => {
  test('exits 1 and lists undefined variables, the missing reference and the real broken links', async () => {
    const run = await runCli(['check', '--source', CORPUS_DIR, '--format', 'json'], CORPUS_DIR);
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as Finding[];

    const officeLinkCo = findings.filter(
      (f) => f.rule === 'liquid-undefined' && f.file.startsWith('co/') && f.message.includes('site.office_link.co'),
    );
    expect(officeLinkCo.length).toBeGreaterThanOrEqual(70);
    expect(officeLinkCo.every((f) => f.severity === 'error' && f.line > 0 && f.column > 0)).toBe(true);

    const telefonos = findings.find(
      (f) => f.rule === 'undefined-reference' && f.file === 'co/es/getting-started-with-ooma-office-manager.markdown' && f.line === 81,
    );
    expect(telefonos).toMatchObject({ severity: 'warning', column: 12 });
    expect(telefonos!.message).toContain('Teléfonos IP');

    // Jekyll 4.3's own output of the corpus has these 40 internal links to nothing (links built
    // from the undefined office_link variables aside): 19 `office.ooma.com` written without
    // https://, 8 relative `office/yealink-user-guide#…`, 13 to pages that do not exist.
    const broken = findings.filter((f) => f.rule === 'broken-link' || f.rule === 'missing-asset');
    expect(broken.length).toBe(40);
    expect(broken.filter((f) => f.message.includes('"office.ooma.com"')).length).toBe(19);
    expect(broken.filter((f) => f.message.includes('office/yealink-user-guide#')).length).toBe(8);
    expect(broken.map((f) => `${f.file}:${f.line}:${f.column}`)).toContain('us/en/placing-calls-on-hold.markdown:34:146');
    expect(broken.every((f) => f.rule === 'broken-link' && f.severity === 'error')).toBe(true);
  });
});
