// Liquid (Ruby) drops the text of a control-flow tag's bodies when the whole tag is
// "blank": every piece of text in its bodies is whitespace and every tag in them is blank
// too (an `assign`, a `capture`, a comment, or a block tag that is itself blank). So
//
//   {% if x %}
//     {% assign y = 1 %}
//   {% endif %}
//
// writes nothing at all where liquidjs keeps the newlines and indentation. Liquid decides
// this once, when it parses: `if`, `unless`, `case` and `for` lose their whitespace text;
// other block tags (`tablerow`, `highlight`) keep theirs but still count as blank or not
// for the tag around them. An output (`{{ … }}`) or any other tag is never blank.
import { Tag, TypeGuards, type Template } from 'liquidjs';

/** Tags that Liquid always counts as blank: they write nothing. */
const ALWAYS_BLANK = new Set(['assign', 'capture', 'comment', '#']);

/** Control-flow tags whose whitespace text Liquid removes when they are blank. */
const STRIPPED_WHEN_BLANK = new Set(['if', 'unless', 'case', 'for']);

interface Branch {
  templates: Template[];
}

/** Where liquidjs keeps a tag's bodies (the template lists between its delimiters). */
interface TagBodies {
  branches?: Branch[];
  templates?: Template[];
  elseTemplates?: Template[];
}

/**
 * Applies Liquid's blank-body rule to freshly parsed templates (in place, once per parse)
 * and tells whether the list itself is blank.
 */
export function removeBlankBodies(templates: Template[]): boolean {
  let blank = true;
  for (const template of templates) {
    if (!isBlank(template)) blank = false;
  }
  return blank;
}

function isBlank(template: Template): boolean {
  if (isText(template)) return /^\s*$/.test(htmlText(template));
  if (!(template instanceof Tag)) return false;
  const name = template.name;
  // every body is visited first, so that the tags nested in each are handled too
  const bodies = bodiesOf(template);
  const bodiesBlank = bodies.map(removeBlankBodies).every(Boolean);
  if (ALWAYS_BLANK.has(name)) return true;
  if (name === 'raw') return rawText(template) === '';
  const blank = bodies.length > 0 && bodiesBlank;
  if (blank && STRIPPED_WHEN_BLANK.has(name)) {
    for (const body of bodies) removeText(body);
  }
  return blank;
}

/** The bodies of a block tag; none for a simple tag (`include`, `cycle`, …). */
function bodiesOf(tag: Tag): Template[][] {
  const parts = tag as unknown as TagBodies;
  const bodies: Template[][] = [];
  for (const branch of Array.isArray(parts.branches) ? parts.branches : []) {
    if (Array.isArray(branch.templates)) bodies.push(branch.templates);
  }
  if (Array.isArray(parts.templates)) bodies.push(parts.templates);
  if (Array.isArray(parts.elseTemplates)) bodies.push(parts.elseTemplates);
  return bodies;
}

function removeText(body: Template[]): void {
  const kept = body.filter((template) => !isText(template));
  body.splice(0, body.length, ...kept);
}

/** Plain text between tags and outputs (liquidjs's HTML template). */
function isText(template: Template): boolean {
  return TypeGuards.isHTMLToken(template.token);
}

function htmlText(template: Template): string {
  return String((template as unknown as { str?: unknown }).str ?? '');
}

function rawText(tag: Tag): string {
  return String((tag as unknown as { render(): unknown }).render());
}
