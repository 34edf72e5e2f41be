// kramdown's attribute lists: the `{: ...}` of an IAL and the `{:name: ...}` of an ALD.
// Content is a space-separated mix of `#id`, `.class`, `key="value"` (or 'value') and
// bare names referring to ALDs; kramdown scans it with the patterns below and silently
// skips anything else.

/** The parsed content of one IAL or ALD, in the order kramdown applies it. */
export interface AttributeList {
  /** ALD names referenced, in order. */
  refs: string[];
  /** Attributes in the order they were written; `class` accumulates. */
  attributes: Map<string, string>;
}

const NAME = String.raw`[A-Za-z0-9_][\w-]*`;
// kramdown's `[^\}\2]` is a character class with the octal escape \2, not a back-reference.
const KEY_VALUE = String.raw`(${NAME})=("|')((?:\\\}|\\\2|[^}\x02])*?)\2`;
const REF = `(${NAME})`;
const ID_OR_CLASS = String.raw`#[A-Za-z][\w:-]*|\.[^\s.#]+`;
const ANY_ITEM = new RegExp(String.raw`(?:^|\s)(?:${KEY_VALUE}|${REF}|((?:${ID_OR_CLASS})+))(?=\s|$)`, 'g');
const ID_OR_CLASS_ITEM = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g;

/** Any chars allowed inside `{: ... }`: everything but an unescaped `}`. */
export const ATTRIBUTE_CHARS = String.raw`(?:\\\}|[^}])`;
/** A block-level IAL line: `{: ...}` (not `{::` extensions nor `{:/` stop tags). */
export const BLOCK_IAL_LINE = new RegExp(String.raw`^ {0,3}\{:(?!:|\/)(${ATTRIBUTE_CHARS}+)\}[ \t]*$`);
/** An ALD line: `{:name: ...}`. */
export const ALD_LINE = new RegExp(String.raw`^ {0,3}\{:(${NAME}):(${ATTRIBUTE_CHARS}+)\}[ \t]*$`);
/** A span IAL right at the start of a string. */
export const SPAN_IAL = new RegExp(String.raw`^\{:(?!:|\/)(${ATTRIBUTE_CHARS}+)\}`);

export function emptyAttributeList(): AttributeList {
  return { refs: [], attributes: new Map() };
}

/**
 * Parses attribute-list content into `into` (as kramdown does, later values win and
 * classes add up). Returns false when the content held nothing kramdown understands.
 */
export function parseAttributeList(content: string, into: AttributeList): boolean {
  if (content.trim() === '' || content.trim() === ':') return true;
  let found = false;
  for (const match of content.matchAll(ANY_ITEM)) {
    found = true;
    const [, key, quote, value, ref, idsAndClasses] = match;
    if (ref !== undefined) {
      into.refs.push(ref);
    } else if (idsAndClasses !== undefined) {
      for (const [, id, className] of idsAndClasses.matchAll(ID_OR_CLASS_ITEM)) {
        if (className !== undefined) addClass(into.attributes, className);
        else into.attributes.set('id', id!);
      }
    } else if (key !== undefined) {
      const unescape = new RegExp(String.raw`\\(\}|${quote === '"' ? '"' : "'"})`, 'g');
      into.attributes.set(key, value!.replace(unescape, '$1'));
    }
  }
  return found;
}

/** Merges one list into another (kramdown's update_ial_with_ial). */
export function mergeAttributeList(target: AttributeList, source: AttributeList): void {
  target.refs.push(...source.refs);
  for (const [key, value] of source.attributes) {
    if (key === 'class') addClass(target.attributes, value);
    else target.attributes.set(key, value);
  }
}

export function addClass(attributes: Map<string, string>, className: string): void {
  const current = attributes.get('class');
  attributes.set('class', current ? `${current} ${className}` : className);
}

/**
 * The attributes an element ends up with: first those of the referenced ALDs (recursively),
 * then the list's own. Unknown ALD names are reported through `onUnknownRef`.
 */
export function resolveAttributes(
  list: AttributeList,
  definitions: ReadonlyMap<string, AttributeList>,
  onUnknownRef: (name: string) => void,
  into: Map<string, string> = new Map(),
): Map<string, string> {
  // depth-first with an explicit stack: a long chain of ALDs cannot exhaust the call stack;
  // `path` holds the ALDs being expanded, so a cycle stops where it closes
  const frames: Array<{ list: AttributeList; next: number; name?: string }> = [{ list, next: 0 }];
  const path = new Set<string>();
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next < frame.list.refs.length) {
      const ref = frame.list.refs[frame.next++]!;
      const definition = definitions.get(ref);
      if (definition && !path.has(ref)) {
        path.add(ref);
        frames.push({ list: definition, next: 0, name: ref });
      } else if (!definition && !KNOWN_REFS.has(ref)) {
        onUnknownRef(ref);
      }
      continue;
    }
    for (const [key, value] of frame.list.attributes) {
      if (key === 'class') addClass(into, value);
      else into.set(key, value);
    }
    if (frame.name !== undefined) path.delete(frame.name);
    frames.pop();
  }
  return into;
}

// Names kramdown's converter itself understands on lists.
const KNOWN_REFS = new Set(['toc', 'footnotes']);
