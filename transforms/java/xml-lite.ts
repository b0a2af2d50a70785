// A small XML reader for build files (pom.xml): elements and their text, nothing else.
// Attributes, namespaces and entities other than the five predefined ones are not needed.

export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's own text (trimmed), children excluded. */
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The root element, or null when the text is not well-formed enough to read. */
export function parseXml(source: string): XmlElement | null {
  const text = source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, body: string) => body.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  const root: XmlElement = { name: '#root', children: [], text: '' };
  const stack: XmlElement[] = [root];
  const re = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^>]*?)?(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const top = stack[stack.length - 1];
    if (m[4] !== undefined) {
      top.text += m[4].replace(/&(\w+);/g, (e, n: string) => ENTITIES[n] ?? e);
      continue;
    }
    const [, closing, rawName, selfClosing] = m;
    const name = rawName.includes(':') ? rawName.slice(rawName.indexOf(':') + 1) : rawName;
    if (closing) {
      if (top.name !== name || stack.length === 1) return null;
      top.text = top.text.trim();
      stack.pop();
    } else {
      const el: XmlElement = { name, children: [], text: '' };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    }
  }
  if (stack.length !== 1 || root.children.length !== 1) return null;
  return root.children[0];
}

/** The first child with this name. */
export function child(el: XmlElement | null | undefined, name: string): XmlElement | null {
  return el?.children.find((c) => c.name === name) ?? null;
}

/** Text at a path of child names (`child(child(el, a), b).text`), or null. */
export function textAt(el: XmlElement | null | undefined, ...path: string[]): string | null {
  let cur: XmlElement | null = el ?? null;
  for (const p of path) cur = child(cur, p);
  return cur ? cur.text : null;
}

/** Every descendant with this name, in document order. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
