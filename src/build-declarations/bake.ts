// Bake files: `docker-bake.json` targets (context, dockerfile, args, tags, target, contexts,
// inherits). Bake files in HCL are not read: no maintained HCL parser exists for Node, and HCL
// bake files evaluate variables and functions; they are reported as not read.
import * as path from 'path';
import { isObject, joinPath } from './compose';
import type { BuildDeclaration, DeclarationProblem } from './types';

export const BAKE_JSON = /^docker-bake(\.override)?\.json$/;
export const BAKE_HCL = /^docker-bake(\.override)?\.hcl$/;

type Targets = Map<string, Record<string, unknown>>;

/** The targets of one bake JSON text, or why it cannot be read. */
export function parseBakeJson(text: string, file: string): Targets | DeclarationProblem {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { file, line: jsonErrorLine(text, err as Error), reason: `not valid JSON: ${firstLine((err as Error).message)}` };
  }
  if (!isObject(doc)) return { file, reason: 'not a bake file: the top level is not an object' };
  const targets: Targets = new Map();
  if (doc.target === undefined) return targets;
  if (!isObject(doc.target)) return { file, reason: '`target` is not an object' };
  for (const [name, t] of Object.entries(doc.target)) if (isObject(t)) targets.set(name, t);
  return targets;
}

/** The line of a JSON syntax error: from the message's position, else from a scan of the text. */
function jsonErrorLine(text: string, err: Error): number | undefined {
  const m = /position (\d+)/.exec(err.message);
  const at = m ? Number(m[1]) : jsonErrorOffset(text);
  return at === null ? undefined : text.slice(0, at).split('\n').length;
}

/** Where a JSON text first breaks its grammar (null: nowhere found). */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i])) i++; };
  const fail = (): never => { throw i; };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws(); if (text[i] !== '"') fail(); string(); ws();
        if (text[i] !== ':') fail(); i++; value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail();
      }
    }
    if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail();
      }
    }
    if (c === '"') return string();
    const lit = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!lit) fail();
    i += lit![0].length;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value(); ws();
    return i < text.length ? i : null;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : null;
  }
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0];
}

/** An override file's targets merged onto the base file's, key by key (args and contexts by name). */
export function mergeBake(base: Targets, over: Targets): Targets {
  const out: Targets = new Map(base);
  for (const [name, o] of over) {
    const b = out.get(name) ?? {};
    out.set(name, mergeTarget(b, o));
  }
  return out;
}

function mergeTarget(b: Record<string, unknown>, o: Record<string, unknown>): Record<string, unknown> {
  const m: Record<string, unknown> = { ...b, ...o };
  for (const k of ['args', 'contexts']) if (isObject(b[k]) && isObject(o[k])) m[k] = { ...(b[k] as object), ...(o[k] as object) };
  return m;
}

/** The builds the targets declare; `dir` is the folder bake runs in (the bake file's). */
export function bakeDeclarations(targets: Targets, file: string, dir: string): { decls: BuildDeclaration[]; problems: DeclarationProblem[] } {
  const decls: BuildDeclaration[] = [];
  const problems: DeclarationProblem[] = [];
  const resolved = new Map<string, Record<string, unknown> | null>();
  // `inherits`: the parents' keys first, the target's own win.
  const resolve = (name: string, seen: Set<string>): Record<string, unknown> | null => {
    if (resolved.has(name)) return resolved.get(name)!;
    const t = targets.get(name);
    if (!t || seen.has(name)) return null;
    seen.add(name);
    let acc: Record<string, unknown> = {};
    const parents = Array.isArray(t.inherits) ? t.inherits : [];
    for (const p of parents) {
      const pt = typeof p === 'string' ? resolve(p, seen) : null;
      if (pt) acc = mergeTarget(acc, pt);
    }
    const own = { ...t };
    delete own.inherits;
    const out = mergeTarget(acc, own);
    resolved.set(name, out);
    return out;
  };
  for (const name of targets.keys()) {
    const t = resolve(name, new Set());
    if (!t) { problems.push({ file, reason: `target ${name}: inherits from itself` }); continue; }
    if (t['dockerfile-inline'] !== undefined) continue;
    const ctx = typeof t.context === 'string' ? t.context : '.';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ctx) || /^git@/.test(ctx)) continue;
    const contextAbs = joinPath(dir, ctx);
    const df = typeof t.dockerfile === 'string' ? t.dockerfile : 'Dockerfile';
    const d: BuildDeclaration = { source: 'bake', file, name, context: contextAbs, dockerfile: joinPath(contextAbs, df), args: {}, images: [] };
    if (isObject(t.args)) {
      for (const [k, v] of Object.entries(t.args)) d.args[k] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
    }
    if (typeof t.target === 'string') d.target = t.target;
    if (isObject(t.contexts)) {
      d.additionalContexts = {};
      for (const [k, v] of Object.entries(t.contexts)) {
        if (typeof v === 'string') d.additionalContexts[k] = /^[a-z-]+:/i.test(v) ? v : joinPath(dir, v);
      }
    }
    if (Array.isArray(t.tags)) for (const tag of t.tags) if (typeof tag === 'string') d.images.push(tag);
    decls.push(d);
  }
  return { decls, problems };
}
