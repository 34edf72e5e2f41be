import { describe, expect, it } from 'vitest';
import { extractExcerpt } from '../../src/pipeline/excerpts.js';

describe("Jekyll's excerpt text", () => {
  it('is the text before the first separator, or all of it', () => {
    expect(extractExcerpt('One\nline.\n\nTwo.\n', '\n\n')).toBe('One\nline.');
    expect(extractExcerpt('Only one.\n', '\n\n')).toBe('Only one.\n');
    expect(extractExcerpt('Intro.\n<!--more-->\nRest', '<!--more-->')).toBe('Intro.\n');
  });

  it('keeps the reference link definitions the excerpt uses', () => {
    const body = 'See [docs] and [x][home].\n\nMore.\n\n[docs]: /docs\n   [home]: /home "Home"\n[unused]: /u\n';
    expect(extractExcerpt(body, '\n\n')).toBe('See [docs] and [x][home].\n\n[docs]: /docs\n[home]: /home "Home"');
  });

  it('closes the Liquid blocks the separator cuts through', () => {
    expect(extractExcerpt('{% if a %}{% for x in y %}A\n\nB{% endfor %}{% endif %}', '\n\n')).toBe(
      '{% if a %}{% for x in y %}A\n{% endfor %}\n{% endif %}',
    );
    expect(extractExcerpt('{% if a %}A{% endif %}\n\nB', '\n\n')).toBe('{% if a %}A{% endif %}');
  });
});
