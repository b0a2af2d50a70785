// Image references, parsed by hand (the parser's own getters are wrong for registry ports,
// dotted names and digests), and `$VAR` / `${VAR:-default}` expansion from ARG values.

export interface ImageRef {
  /** Registry host (with port), when the first component names one. */
  registry: string | null;
  /** Repository path without registry: `library/golang`, `team/app`, `golang`. */
  repository: string;
  /** Last path element: `golang`. */
  name: string;
  tag: string | null;
  digest: string | null;
}

/**
 * Drops `user:password@` (or `user@`) in front of a registry host: references never carry
 * credentials forward into output, messages or reports. A digest (`name@sha256:…`) is kept.
 */
export function redactCredentials(ref: string): string {
  return ref.replace(/^([^\s/@]+)@(?=[^\s/@]+\/)/, '');
}

/** The reference without its digest (`name:tag@sha256:…` → `name:tag`). */
export function withoutDigest(ref: string): string {
  return ref.replace(/@[A-Za-z0-9_+.-]+:[A-Fa-f0-9]+$/, '');
}

/** Parses a (variable-free) image reference. Credentials (`user:pass@host/...`) are dropped. */
export function parseImageRef(raw: string): ImageRef {
  let rest = raw.trim();
  let digest: string | null = null;
  const at = rest.lastIndexOf('@');
  if (at >= 0 && /^[A-Za-z0-9_+.-]+:[A-Fa-f0-9]+$/.test(rest.slice(at + 1))) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  // `user:pass@host/...` is not a valid reference, but never carry credentials forward.
  const cred = rest.indexOf('@');
  if (cred >= 0 && rest.indexOf('/') > cred) rest = rest.slice(cred + 1);
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && rest.indexOf('/', colon) < 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  const name = rest.slice(rest.lastIndexOf('/') + 1);
  return { registry, repository: rest, name, tag, digest };
}

export function formatImageRef(ref: ImageRef): string {
  let s = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
  if (ref.tag) s += `:${ref.tag}`;
  if (ref.digest) s += `@${ref.digest}`;
  return s;
}

/** Docker Hub official images: `golang`, `library/golang`, `docker.io/library/golang`. */
export function isOfficialImage(ref: ImageRef, name: string): boolean {
  const hub = ref.registry === null || ref.registry === 'docker.io' || ref.registry === 'index.docker.io' || ref.registry === 'registry-1.docker.io';
  if (hub) return ref.repository === name || ref.repository === `library/${name}`;
  // Mirrors and proxies keep the name as the last element (`mirror.example/library/golang`).
  return ref.name === name;
}

export type VarLookup = (name: string) => string | undefined;

/**
 * Expands `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`.
 * Returns null when a variable has no value and no default (the result would be a guess).
 */
export function expandVars(s: string, lookup: VarLookup, escape = '\\'): string | null {
  let out = '';
  let unresolved = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === escape && s[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    if (s[i + 1] === '{') {
      const close = matchingBrace(s, i + 1);
      if (close < 0) return null;
      const body = s.slice(i + 2, close);
      i = close;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])(.*))?$/s.exec(body);
      if (!m) return null;
      const [, name, op, word] = m;
      const v = lookup(name);
      if (!op) {
        if (v === undefined) unresolved = true;
        else out += v;
      } else if (op === ':-' || op === '-') {
        const useDefault = op === ':-' ? v === undefined || v === '' : v === undefined;
        if (useDefault) {
          const d = expandVars(word ?? '', lookup, escape);
          if (d === null) unresolved = true;
          else out += d;
        } else out += v;
      } else {
        const set = op === ':+' ? v !== undefined && v !== '' : v !== undefined;
        if (set) {
          const a = expandVars(word ?? '', lookup, escape);
          if (a === null) unresolved = true;
          else out += a;
        }
      }
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
    if (!m) {
      out += c;
      continue;
    }
    const v = lookup(m[0]);
    if (v === undefined) unresolved = true;
    else out += v;
    i += m[0].length;
  }
  return unresolved ? null : out;
}

/** Index of the `}` closing the `{` at `open`, counting nested `${…}`; -1 when none. */
function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    if (s[k] === '{') depth++;
    else if (s[k] === '}' && --depth === 0) return k;
  }
  return -1;
}

/** Names of the variables a string refers to. */
export function referencedVars(s: string): string[] {
  const names = new Set<string>();
  const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) names.add(m[1] ?? m[2]);
  return [...names];
}
