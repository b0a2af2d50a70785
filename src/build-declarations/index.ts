// Finds and reads the compose and bake files that may declare how a batch's Dockerfiles are built:
// those in each Dockerfile's folder and in every folder above it up to the repository root (the
// nearest folder with a .git entry), or up to the working folder outside a repository. Each file is
// read once per batch; one that cannot be read is reported and the batch goes on.
import * as fs from 'fs';
import * as path from 'path';
import { peekListing } from '../dir-listing';
import { parseImageRef } from '../image-ref';
import { bakeDeclarations, BAKE_HCL, BAKE_JSON, mergeBake, parseBakeJson } from './bake';
import { COMPOSE_FILE, composeDeclarations, composeProjects, mergeCompose, parseCompose } from './compose';
import type { Prefetched } from './prefetch';
export type { Prefetched } from './prefetch';
import type { BuildDeclaration, DeclarationProblem, Declarations } from './types';

export type { BuildDeclaration, DeclarationProblem, Declarations } from './types';

const MAX_DECLARATION_BYTES = 16 * 1024 * 1024;
const NONE: string[] = [];

/**
 * Reads the declarations that may apply to `dockerfiles` (absolute paths). `pre`: files already
 * parsed by the prefetch thread.
 */
export function loadDeclarations(dockerfiles: readonly string[], cwd: string, pre?: Prefetched | null): Declarations {
  const out: Declarations = { byDockerfile: new Map(), byImage: new Map(), problems: [], files: [] };
  const names = new Map<string, string[]>();
  const rootOf = new Map<string, string | null>();
  const listed = (dir: string): string[] => {
    let n = names.get(dir);
    if (!n) {
      const entries = peekListing(dir) ?? readDir(dir);
      n = NONE;
      for (const e of entries) {
        const name = e.name;
        // A cheap first test: every name of interest starts with these letters.
        if (name.charCodeAt(0) === 46 /* . */ ? name === '.git' : (name.startsWith('compose') || name.startsWith('docker-'))) {
          if (n === NONE) n = [];
          n.push(name);
        }
      }
      names.set(dir, n);
    }
    return n;
  };
  // The folders to look in: each Dockerfile's and its ancestors up to the repository root.
  const folders = new Set<string>();
  const stopAt = path.resolve(cwd);
  const stopBelow = stopAt.endsWith(path.sep) ? stopAt : stopAt + path.sep;
  for (const file of dockerfiles) {
    const start = path.dirname(file);
    if (folders.has(start)) continue;
    // Most folders sit in one already walked: only their own listing is new.
    const parent = path.dirname(start);
    if (parent !== start && rootOf.has(parent) && folders.has(parent)) {
      const up = rootOf.get(parent)!;
      const own = listed(start).includes('.git');
      rootOf.set(start, own ? start : up);
      // Its ancestors up to the same top are in `folders` already, since its parent is.
      folders.add(start);
      continue;
    }
    const chain: string[] = [];
    let root: string | null | undefined;
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (rootOf.has(dir)) { root = rootOf.get(dir); break; }
      chain.push(dir);
      if (listed(dir).includes('.git')) { root = dir; break; }
      if (path.dirname(dir) === dir) { root = null; break; }
    }
    for (const d of chain) rootOf.set(d, root ?? null);
    // Outside a repository: up to the working folder when the file is below it, else its own folder.
    const top = root ?? (start === stopAt || start.startsWith(stopBelow) ? stopAt : start);
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (folders.has(dir)) break;
      folders.add(dir);
      if (dir === top || path.dirname(dir) === dir) break;
    }
  }
  const add = (decls: BuildDeclaration[], problems: DeclarationProblem[]) => {
    for (const d of decls) {
      const list = out.byDockerfile.get(d.dockerfile);
      if (!list) out.byDockerfile.set(d.dockerfile, [d]);
      else if (!list.some((x) => sameBuild(x, d))) list.push(d);
      for (const img of d.images) {
        const key = imageKey(img);
        if (!out.byImage.has(key)) out.byImage.set(key, d);
      }
    }
    out.problems.push(...problems);
  };
  const withFiles: string[] = [];
  for (const dir of folders) {
    const here = listed(dir);
    if (here.length > 1 || (here.length === 1 && here[0] !== '.git')) withFiles.push(dir);
  }
  for (const dir of withFiles.sort()) {
    const r = pre?.get(dir) ?? folderDeclarations(dir, listed(dir));
    out.files.push(...r.files);
    add(r.decls, r.problems);
  }
  return out;
}

/** What one folder's compose and bake files declare (`names`: the folder's entries of interest). */
export interface FolderDeclarations {
  decls: BuildDeclaration[];
  problems: DeclarationProblem[];
  /** The files read. */
  files: string[];
}

/** Reads and parses one folder's compose and bake files. */
export function folderDeclarations(dir: string, names: readonly string[]): FolderDeclarations {
  const out: FolderDeclarations = { decls: [], problems: [], files: [] };
  const read = new Map<string, unknown>();
  const load = <T>(name: string, parse: (text: string, file: string) => T | DeclarationProblem): T | null => {
    if (read.has(name)) return read.get(name) as T | null;
    const file = path.join(dir, name);
    const text = readText(file);
    let v: T | null = null;
    if (text === null) out.problems.push({ file, reason: 'cannot be read' });
    else {
      out.files.push(file);
      const r = parse(text, file);
      if (isProblem(r)) out.problems.push(r);
      else v = r;
    }
    read.set(name, v);
    return v;
  };
  const add = (r: { decls: BuildDeclaration[]; problems: DeclarationProblem[] }) => {
    for (const d of r.decls) out.decls.push(d);
    for (const p of r.problems) out.problems.push(p);
  };
  for (const project of composeProjects(names.filter((n) => COMPOSE_FILE.test(n)))) {
    let merged = null as ReturnType<typeof mergeCompose> | null;
    let ok = true;
    for (const name of project) {
      const s = load(name, parseCompose);
      if (!s) { ok = false; break; }
      merged = merged ? mergeCompose(merged, s) : s;
    }
    if (ok && merged) add(composeDeclarations(merged, path.join(dir, project[project.length - 1]), dir));
  }
  const bakeNames = names.filter((n) => BAKE_JSON.test(n)).sort();
  if (bakeNames.length) {
    let targets = null as ReturnType<typeof mergeBake> | null;
    let ok = true;
    for (const name of bakeNames) {
      const t = load(name, parseBakeJson);
      if (!t) { ok = false; break; }
      targets = targets ? mergeBake(targets, t) : t;
    }
    if (ok && targets) add(bakeDeclarations(targets, path.join(dir, bakeNames[bakeNames.length - 1]), dir));
  }
  for (const name of names.filter((n) => BAKE_HCL.test(n))) {
    out.problems.push({
      file: path.join(dir, name), unread: true,
      reason: 'bake files in HCL are not read (no maintained HCL parser for Node): write the targets as docker-bake.json, or give the context with --context or the config',
    });
  }
  return out;
}

/** The same build twice (a file and its variant declaring the same service): kept once. */
function sameBuild(a: BuildDeclaration, b: BuildDeclaration): boolean {
  return a.context === b.context && a.target === b.target && sameMap(a.args, b.args) && sameMap(a.additionalContexts ?? {}, b.additionalContexts ?? {});
}

function sameMap(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

const PLAIN_REF = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*:[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** An image reference in one spelling: `acme/app:1`, `docker.io/library/x` = `x:latest`. */
export function imageKey(ref: string): string {
  // The common spelling `host.tld/team/app:tag` or `app:tag` is its own key.
  if (PLAIN_REF.test(ref) && !ref.startsWith('docker.io/') && !ref.startsWith('index.docker.io/') && !ref.startsWith('library/')) return ref;
  const r = parseImageRef(ref);
  const registry = r.registry && r.registry !== 'docker.io' && r.registry !== 'index.docker.io' ? `${r.registry}/` : '';
  const repo = !registry && r.repository.startsWith('library/') ? r.repository.slice('library/'.length) : r.repository;
  return `${registry}${repo}${r.digest ? `@${r.digest}` : `:${r.tag ?? 'latest'}`}`;
}

function isProblem(v: unknown): v is DeclarationProblem {
  return typeof v === 'object' && v !== null && 'reason' in v && 'file' in v;
}

function readDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function readText(file: string): string | null {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_DECLARATION_BYTES) return null;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
