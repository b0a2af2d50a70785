// Compose files: the services that build an image (`build:`), read with js-yaml. A compose file and
// its overrides merge per service the way `docker compose` merges them (later files win per key,
// build args merge by name).
import * as path from 'path';
import type { BuildDeclaration, DeclarationProblem } from './types';

/** A service's build settings as written (paths not yet resolved), and its image. */
export interface ComposeService {
  build?: ComposeBuild;
  image?: unknown;
}

interface ComposeBuild {
  context?: unknown;
  dockerfile?: unknown;
  args?: Record<string, unknown>;
  target?: unknown;
  additional_contexts?: Record<string, unknown>;
  /** The build cannot be read (e.g. a dockerfile_inline): why. */
  unreadable?: string;
}

export type ComposeServices = Map<string, ComposeService>;

/** `compose.yaml`, `docker-compose.override.yml`, `docker-compose.prod.yml`, … */
export const COMPOSE_FILE = /^(docker-)?compose(\.[^/]+)?\.ya?ml$/;
const PRIMARY = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const OVERRIDE = /^(docker-)?compose\.override\.ya?ml$/;

/**
 * A folder's compose files as projects: the primary file with its override files merged on top,
 * and each other variant (`docker-compose.prod.yml`) merged on the primary as its own project.
 */
export function composeProjects(names: readonly string[]): string[][] {
  const primary = PRIMARY.find((n) => names.includes(n));
  const overrides = names.filter((n) => OVERRIDE.test(n)).sort();
  const variants = names.filter((n) => COMPOSE_FILE.test(n) && !OVERRIDE.test(n) && !PRIMARY.includes(n)).sort();
  const projects: string[][] = [];
  const head = primary ? [primary, ...overrides] : overrides;
  if (head.length) projects.push(head);
  for (const v of variants) projects.push(primary ? [primary, v] : [v]);
  return projects;
}

/** The services of one compose file's text, or why it cannot be read. */
export function parseCompose(text: string, file: string): ComposeServices | DeclarationProblem {
  const yaml = require('js-yaml') as typeof import('js-yaml');
  let doc: unknown;
  try {
    doc = yaml.load(text, { filename: file, json: true });
  } catch (err) {
    const e = err as { mark?: { line?: number }; reason?: string; message?: string };
    const line = typeof e.mark?.line === 'number' ? e.mark.line + 1 : undefined;
    return { file, line, reason: `not valid YAML: ${e.reason ?? firstLine(e.message ?? String(err))}` };
  }
  const services: ComposeServices = new Map();
  if (doc === null || doc === undefined) return services;
  if (!isObject(doc)) return { file, reason: 'not a compose file: the top level is not a mapping' };
  if (doc.services === undefined || doc.services === null) return services;
  if (!isObject(doc.services)) return { file, reason: '`services` is not a mapping' };
  for (const [name, raw] of Object.entries(doc.services)) {
    if (!isObject(raw)) continue;
    const s: ComposeService = {};
    if (raw.image !== undefined) s.image = raw.image;
    if (typeof raw.build === 'string') s.build = { context: raw.build };
    else if (isObject(raw.build)) {
      const b = raw.build;
      s.build = {
        context: b.context, dockerfile: b.dockerfile, target: b.target,
        args: mapOrList(b.args), additional_contexts: mapOrList(b.additional_contexts) as Record<string, unknown> | undefined,
      };
      if (b.dockerfile_inline !== undefined) s.build.unreadable = 'its Dockerfile is inline (dockerfile_inline)';
    }
    services.set(name, s);
  }
  return services;
}

/** Merges an override file's services onto a base file's: later keys win, args merge by name. */
export function mergeCompose(base: ComposeServices, over: ComposeServices): ComposeServices {
  const out: ComposeServices = new Map(base);
  for (const [name, o] of over) {
    const b = out.get(name);
    if (!b) { out.set(name, o); continue; }
    const merged: ComposeService = { ...b };
    if (o.image !== undefined) merged.image = o.image;
    if (o.build) {
      const bb = b.build ?? {};
      const ob = o.build;
      merged.build = { ...bb };
      for (const k of ['context', 'dockerfile', 'target', 'unreadable'] as const) if (ob[k] !== undefined) (merged.build as Record<string, unknown>)[k] = ob[k];
      if (ob.args) merged.build.args = { ...(bb.args ?? {}), ...ob.args };
      if (ob.additional_contexts) merged.build.additional_contexts = { ...(bb.additional_contexts ?? {}), ...ob.additional_contexts };
    }
    out.set(name, merged);
  }
  return out;
}

/** The builds a merged project declares. `file`: the file named in reports; `dir`: the project folder. */
export function composeDeclarations(services: ComposeServices, file: string, dir: string): { decls: BuildDeclaration[]; problems: DeclarationProblem[] } {
  const decls: BuildDeclaration[] = [];
  const problems: DeclarationProblem[] = [];
  for (const [name, s] of services) {
    const b = s.build;
    if (!b) continue;
    const where = `service ${name}`;
    if (b.unreadable) { problems.push({ file, reason: `${where}: ${b.unreadable}` }); continue; }
    const context = b.context === undefined ? '.' : scalar(b.context);
    const dockerfile = b.dockerfile === undefined ? 'Dockerfile' : scalar(b.dockerfile);
    const ctx = context === null ? null : interpolate(context);
    const df = dockerfile === null ? null : interpolate(dockerfile);
    if (ctx === null || df === null) {
      problems.push({ file, reason: `${where}: its build context or dockerfile is not a plain value stageify can read (a variable without a default?)` });
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ctx) || /^git@/.test(ctx)) continue; // a remote context: nothing on disk
    const contextAbs = joinPath(dir, ctx);
    const d: BuildDeclaration = {
      source: 'compose', file, name, context: contextAbs, dockerfile: joinPath(contextAbs, df), args: {}, images: [],
    };
    if (b.args) for (const [k, v] of Object.entries(b.args)) {
      const sv = v === null || v === undefined ? null : scalar(v);
      d.args[k] = sv === null ? null : interpolate(sv);
    }
    const target = b.target === undefined ? null : scalar(b.target);
    if (target !== null) d.target = interpolate(target) ?? target;
    if (b.additional_contexts) {
      d.additionalContexts = {};
      for (const [k, v] of Object.entries(b.additional_contexts)) {
        const sv = scalar(v);
        if (sv === null) continue;
        const iv = interpolate(sv) ?? sv;
        d.additionalContexts[k] = /^[a-z-]+:/i.test(iv) ? iv : joinPath(dir, iv);
      }
    }
    const image = s.image === undefined ? null : scalar(s.image);
    const img = image === null ? null : interpolate(image);
    if (img) d.images.push(img);
    decls.push(d);
  }
  return { decls, problems };
}

/**
 * `path.resolve(dir, rel)` for an absolute `dir`, without its cost for the common plain relative
 * path (a batch resolves two per service).
 */
export function joinPath(dir: string, rel: string): string {
  if (rel === '.' || rel === './' || rel === '') return dir;
  let r = rel.startsWith('./') ? rel.slice(2) : rel;
  if (r.endsWith('/')) r = r.slice(0, -1);
  if (path.sep !== '/' || r.startsWith('/') || r.includes('//') || r.includes('\\') || /(^|\/)\.\.?(\/|$)/.test(r) || r === '') return path.resolve(dir, rel);
  return dir.endsWith('/') ? dir + r : `${dir}/${r}`;
}

/** Compose's `${VAR:-default}` / `${VAR-default}` / `$$`: defaults only; null when a variable has none. */
export function interpolate(s: string): string | null {
  if (!s.includes('$')) return s;
  let unresolved = false;
  const out = s.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, name, op, word) => {
    if (m === '$$') return '$';
    if (name && (op === '-' || op === ':-')) return word;
    unresolved = true;
    return m;
  });
  return unresolved ? null : out;
}

/** `args` and `additional_contexts` as a mapping or a `KEY=VALUE` list. */
function mapOrList(v: unknown): Record<string, unknown> | undefined {
  if (isObject(v)) return v;
  if (!Array.isArray(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const item of v) {
    if (typeof item !== 'string') continue;
    const eq = item.indexOf('=');
    if (eq < 0) out[item] = null; // the value comes from the environment at build time
    else out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

function scalar(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0];
}
