// The paths a Dockerfile takes from its build context: every COPY/ADD source that is not
// `--from=` another stage or image, not a URL and not a heredoc, with `${VAR}` expanded from the
// ARG and ENV values Docker would use. Pure: the context itself is checked elsewhere.
import * as posix from 'path/posix';
import { initialArgValues, instrProperties } from './dockerfile';
import type { Instr, ParsedDockerfile } from './dockerfile';
import { expandVars } from './image-ref';
import { dockerArgs } from './exec-form';

export interface ContextSource {
  /** The source as written. */
  raw: string;
  /** Relative to the context root, normalized: '' is the root itself. May hold glob characters. */
  path: string;
  glob: boolean;
  keyword: 'COPY' | 'ADD';
  line: number;
}

export interface ContextSources {
  sources: ContextSource[];
  /** Sources whose variables have no value (left unchecked), as written. */
  unresolved: string[];
}

/** The context sources of every stage of a parsed Dockerfile (ONBUILD triggers included); `globals`: the ARGs before FROM. */
export function contextSources(file: ParsedDockerfile, globals: ReadonlyMap<string, string | undefined> = initialArgValues(file)): ContextSources {
  const out: ContextSources = { sources: [], unresolved: [] };
  for (const stage of file.stages) {
    const vars = new Map<string, string>();
    for (const ins of stage.body) {
      if (ins.keyword === 'ARG' || ins.keyword === 'ENV') {
        for (const p of instrProperties(ins)) {
          const raw = p.value ?? (ins.keyword === 'ARG' ? globals.get(p.name) ?? null : null);
          const v = raw === null ? null : expandVars(raw, (n) => vars.get(n), file.escape);
          if (v === null) vars.delete(p.name);
          else vars.set(p.name, v);
        }
      } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        addSources(out, ins, ins.keyword, ins.argsText, file.escape, vars);
      } else if (ins.keyword === 'ONBUILD') {
        // A trigger runs in the image built FROM this one, with that build's context.
        const m = /^\s*(COPY|ADD)\s+([\s\S]*)$/i.exec(ins.argsText);
        if (m) addSources(out, ins, m[1].toUpperCase() as 'COPY' | 'ADD', m[2], file.escape, new Map());
      }
    }
  }
  return out;
}

function addSources(out: ContextSources, ins: Instr, keyword: 'COPY' | 'ADD', argsText: string, escape: string, vars: ReadonlyMap<string, string>): void {
  const words = copyWords(argsText, escape);
  if (!words || words.from) return;
  for (const raw of words.sources) {
    if (raw.startsWith('<<')) continue;
    if (keyword === 'ADD' && (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || /^git@/.test(raw))) continue;
    const expanded = raw.includes('$') ? expandVars(raw, (n) => vars.get(n), escape) : raw;
    if (expanded === null || (raw.includes('$') && /\$\{?[A-Za-z_]/.test(raw) && !allDefined(raw, vars))) {
      out.unresolved.push(raw);
      continue;
    }
    const path = normalizeContextPath(expanded);
    out.sources.push({ raw, path, glob: /[*?[]/.test(path), keyword, line: ins.line });
  }
}

function allDefined(raw: string, vars: ReadonlyMap<string, string>): boolean {
  for (const m of raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(:?[-+])?/g)) {
    // `${A:-default}` and `${A:+x}` have a value either way.
    if (!vars.has(m[1]) && !m[2]) return false;
  }
  return true;
}

/** A source as Docker resolves it: relative to the context root, never above it. */
export function normalizeContextPath(src: string): string {
  return posix.normalize('/' + src).slice(1).replace(/\/+$/, '');
}

/** A COPY/ADD's flags and words: exec form (JSON) or whitespace-separated; null when malformed. */
export function copyWords(argsText: string, escape: string): { from: string | null; sources: string[]; dest: string } | null {
  // Its first logical line, as Docker's parser reads it (a heredoc's body is not part of it).
  let text = dockerArgs(argsText, escape);
  let from: string | null = null;
  for (;;) {
    const m = /^\s*--([A-Za-z-]+)(?:=(\S*))?/.exec(text);
    if (!m) break;
    if (m[1].toLowerCase() === 'from') from = m[2] ?? '';
    text = text.slice(m[0].length);
  }
  text = text.trim();
  let parts: string[] | null = null;
  if (text.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(text);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) parts = v as string[];
    } catch {
      // not JSON: shell form
    }
  }
  if (!parts) parts = text.split(/\s+/).filter(Boolean);
  if (parts.length < 2) return null;
  return { from, sources: parts.slice(0, -1), dest: parts[parts.length - 1] };
}

/**
 * The parts of the context a Dockerfile reads: its COPY/ADD sources and the sources of RUN's bind
 * mounts from the context (patterns as written, normalized). [''] (the whole context) when one of
 * them is unknown: a variable without a value.
 */
export function contextScope(file: ParsedDockerfile, found: ContextSources = contextSources(file)): string[] {
  if (found.unresolved.length) return [''];
  const scope = found.sources.map((s) => s.path);
  for (const stage of file.stages) {
    for (const ins of stage.body) {
      if (ins.keyword !== 'RUN' || !ins.argsText.includes('--mount')) continue;
      for (const m of dockerArgs(ins.argsText, file.escape).matchAll(/--mount=(\S+)/g)) {
        const opts = new Map(m[1].split(',').map((kv) => [kv.split('=')[0].toLowerCase(), kv.slice(kv.indexOf('=') + 1)] as [string, string]));
        if ((opts.get('type') ?? 'bind') !== 'bind' || opts.has('from')) continue;
        const src = opts.get('source') ?? opts.get('src') ?? '';
        if (src.includes('$')) return [''];
        scope.push(normalizeContextPath(src));
      }
    }
  }
  return scope;
}
