import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/diagnostics.js';
import { validateFaroConfig } from '../../src/config/validate-config.js';

const good = {
  title: 'Help',
  locales: { 'co-es': { lang: 'es-CO', path: 'co/es', label: 'Español' } },
  categories: { wework: { title: 'WeWork' } },
};
const source = `export default defineConfig({\n  title: 'Help',\n  locales: {\n    'co-es': { lang: 'es_CO!', path: 'co/es', label: 'Español' },\n  },\n});\n`;

describe('validateFaroConfig', () => {
  it('accepts a valid config', () => {
    expect(validateFaroConfig(good, { file: 'site.config.ts', source: '' })).toBe(good);
  });

  it.each([
    [{ ...good, title: 3 }, 'title'],
    [{ ...good, locales: {} }, 'locales'],
    [{ ...good, locales: { 'co-es': { lang: 'es_CO!', path: 'co/es', label: 'x' } } }, 'locales.co-es.lang'],
    [{ ...good, locales: { 'co-es': { lang: 'es-CO', path: '../up', label: 'x' } } }, 'locales.co-es.path'],
    [{ ...good, categories: { wework: { title: 1 } } }, 'categories.wework.title'],
    [{ ...good, url: 'help.example.com' }, 'url'],
    [{ ...good, defaultLocale: 'us-en' }, 'defaultLocale'],
    [{ ...good, site: [] }, 'site'],
  ])('names the wrong key (%#: %s)', (config, key) => {
    expect(() => validateFaroConfig(config, { file: 'site.config.ts', source: '' })).toThrow(new RegExp(`^${key.replace(/\./g, '\\.')}:`));
  });

  it('points at the line of the wrong key', () => {
    try {
      validateFaroConfig({ ...good, locales: { 'co-es': { lang: 'es_CO!', path: 'co/es', label: 'x' } } }, { file: 'site.config.ts', source });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).line).toBe(4);
    }
  });
});
