// Undefined variables, syntax and render errors: reported at the author's line and column,
// never thrown; runaway loops are refused.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { DEFAULT_LIQUID_LIMITS } from '../../src/liquid/render-liquid.js';
import { render } from './helpers.js';

const site = { office_link: { us: 'https://office.example.com' } };

describe('undefined variables', () => {
  it('render empty and warn once per occurrence, at the author\'s line and column', () => {
    const template = 'Intro\n\n[{{ site.office_link.co }}]({{ site.office_link.co }}/login) {{ site.office_link.us }}\n';
    const result = render(template, { site });
    expect(result.output).toBe('Intro\n\n[](/login) https://office.example.com\n');
    expect(result.diagnostics).toEqual([
      {
        file: 'us/en/page.md',
        line: 6,
        column: 5,
        severity: 'warning',
        rule: 'liquid-undefined',
        message: 'site.office_link.co is not defined',
        sourceLine: '[{{ site.office_link.co }}]({{ site.office_link.co }}/login) {{ site.office_link.us }}',
      },
      expect.objectContaining({ line: 6, column: 32, message: 'site.office_link.co is not defined' }),
    ]);
    expect(formatDiagnostic(result.diagnostics[0]!)).toBe(
      [
        'us/en/page.md:6:5: warning liquid-undefined: site.office_link.co is not defined',
        '  6 | [{{ site.office_link.co }}]({{ site.office_link.co }}/login) {{ site.office_link.us }}',
        '    |     ^',
      ].join('\n'),
    );
  });

  it('names the first missing part of a path, in tags and loops too', () => {
    const result = render('{{ site.nope.deeper }}\n{% assign x = page.missing %}\n{% for p in site.people %}{{ p.age }}{% endfor %}', {
      site: { people: [{ age: 3 }, { name: 'no age' }] },
    });
    expect(result.output).toBe('\n\n3');
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '4:4 site.nope is not defined',
      '5:15 page.missing is not defined',
      '6:30 p.age is not defined',
    ]);
  });

  it('stays quiet where undefined is expected: conditions, default, where_exp, nil values', () => {
    const template = [
      '{% if page.subtitle %}x{% endif %}{% unless site.flag %}u{% endunless %}',
      '{% case page.kind %}{% when "a" %}a{% endcase %}',
      '{{ page.subtitle | default: "none" }}',
      '{{ site.people | where_exp: "p", "p.age > 1" | size }}{{ site.people | map: "age" | size }}',
      '{{ site.empty }}{{ page.url }}{{ page.dir }}{{ site.pages | size }}{{ site.data | size }}{{ site.time | date: "%Y" | size }}',
    ].join('\n');
    const result = render(template, { site: { empty: null, people: [{ age: 3 }, {}] } });
    expect(result.diagnostics).toEqual([]);
    expect(result.output).toBe('u\n\nnone\n12\n004');
  });

  it('points into the include for variables used there', () => {
    const files = { '_includes/note.html': 'Note:\n{{ include.title }} {{ include.missing }}' };
    const result = render('{% include note.html title="T" %}', { files });
    expect(result.output).toBe('Note:\nT ');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: '_includes/note.html', line: 2, column: 24, message: 'include.missing is not defined' }),
    ]);
  });
});

describe('errors', () => {
  it('reports syntax errors with the author\'s position instead of throwing', () => {
    const result = render('Line one\n{% if page.title %}\nunclosed');
    expect(result.output).toBe('');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'liquid', file: 'us/en/page.md', line: 5, column: 1, sourceLine: '{% if page.title %}' }),
    ]);
    const unknown = render('ok\n  {% frobnicate %}');
    expect(unknown.diagnostics[0]).toMatchObject({ severity: 'error', line: 5, column: 3 });
    expect(unknown.diagnostics[0]!.message).toContain('frobnicate');
    for (const broken of ['{{ unclosed', '{% for %}{% endfor %}', '{% highlight %}x{% endhighlight %}', '{% include %}', '{% include a.html b="c" d %}']) {
      const outcome = render(broken);
      expect(outcome.diagnostics.some((d) => d.severity === 'error'), broken).toBe(true);
    }
  });

  it('keeps rendering the rest of the page after a failing tag', () => {
    const result = render('before {% include missing.html %} after {{ 1 | divided_by: 0 }} end');
    expect(result.output).toBe('before  after  end');
    expect(result.diagnostics.map((d) => [d.column, d.message])).toEqual([
      [8, 'include: file "missing.html" not found in _includes/'],
      [41, 'divided by 0'],
    ]);
  });

  it('refuses a for loop over a huge range quickly, naming the bound', () => {
    const started = Date.now();
    const result = render('{% for i in (1..100000000) %}{{ i }}{% endfor %}');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.output).toBe('');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', rule: 'liquid', line: 4, column: 1 });
    expect(result.diagnostics[0]!.message).toContain(String(DEFAULT_LIQUID_LIMITS.memoryUnits));
  });

  it('applies the render time limit', () => {
    const result = render('{% for i in (1..3000) %}{% for j in (1..3000) %}{% endfor %}{% endfor %}', {
      context: { limits: { renderMilliseconds: 50, memoryUnits: 1e9 } },
    });
    expect(result.diagnostics[0]!.message).toContain('longer than 50 ms');
  });
});
