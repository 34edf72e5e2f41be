// Ruby's YAML (Psych) keeps the last of repeated mapping keys, silently: Jekyll sites rely on
// it (the reference tool itself appends `plugins: []` to a site's _config.yml).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJekyllConfig } from '../../src/config/jekyll-config.js';
import { ConfigError } from '../../src/diagnostics.js';
import { loadSiteData } from '../../src/pipeline/load-site-data.js';
import { parseYaml } from '../../src/yaml.js';
import { memoryContext } from '../support/memory-site.js';

describe('repeated YAML keys', () => {
  it('keep the last value, in the place of the first key', () => {
    const value = parseYaml('a: 1\nb: 2\na: 3\nnested:\n  x: 1\n  x: 2\n', 'x.yml', 0, ConfigError);
    expect(value).toEqual({ a: 3, b: 2, nested: { x: 2 } });
    expect(Object.keys(value as object)).toEqual(['a', 'b', 'nested']);
  });

  it('in _config.yml: a repeated mapping replaces the whole earlier one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'faro-config-'));
    const path = join(folder, '_config.yml');
    writeFileSync(path, 'title: First\nplugins: [jekyll-feed]\noffice:\n  city: Bogotá\n  phone: 1\ntitle: Second\noffice:\n  phone: 2\n\nplugins: []\ntheme: null\n');
    expect(readJekyllConfig(path)).toEqual({ title: 'Second', plugins: [], office: { phone: 2 }, theme: null });
  });

  it('in _data files, with no diagnostic', () => {
    const context = memoryContext({ '_data/team.yml': 'lead: Ana\nsize: 3\nlead: Beatriz\nmembers:\n  - name: Carlos\n    name: Carla\n' });
    expect(loadSiteData(context)).toEqual({ team: { lead: 'Beatriz', size: 3, members: [{ name: 'Carla' }] } });
    expect(context.diagnostics).toEqual([]);
  });

  it('still report YAML that Ruby cannot read', () => {
    expect(() => parseYaml('a: [1, 2\nb: 3\n', 'x.yml', 0, ConfigError)).toThrow(ConfigError);
  });
});
