// The build context as the transforms see it: a read-only view of files, gathered at the edge
// (disk) or given in memory (tests, stdin). Honors .dockerignore (and `<Dockerfile>.dockerignore`)
// like `docker build` does. Nothing is listed up front: a path is looked up, and a folder listed,
// only when asked for, so a context of any size costs what the Dockerfile copies from it.
import * as fs from 'fs';
import * as path from 'path';
import { takeListing } from './dir-listing';
import { readTextNoFollow } from './read-bytes';
import { compileDockerignore } from './dockerignore';
import type { IgnoreMatcher } from './dockerignore';
import type { AheadContextFile } from './read-ahead';

export type EntryKind = 'file' | 'dir';

export interface ContextFS {
  /** Absolute folder on disk, or null for an in-memory context. */
  readonly root: string | null;
  /**
   * Relative POSIX paths of the files Docker would send (after .dockerignore), bounded; `.git` and
   * `node_modules` folders are not listed. A scoped context (see scopedContext) lists only the
   * sub-trees the Dockerfile copies.
   */
  listFiles(): FileList;
  /**
   * A file's text, or null when it does not exist, is not a file, or is larger than maxBytes —
   * unless `head` is set: then a longer file gives its first maxBytes bytes.
   */
  readText(rel: string, maxBytes?: number, head?: boolean): string | null;
  /** What a path is in the context Docker would send ('' is the root): a file (or link), a folder, or null. */
  kind(rel: string): EntryKind | null;
  /** The files below a folder ('' = the root), in listing order, as listFiles() lists them. */
  listUnder(dir: string, maxFiles?: number): FileList;
}

export interface FileList {
  files: string[];
  /** True when the walk stopped at its bound: absent files are then unknown, not absent. */
  truncated: boolean;
}

export interface DiskContextOptions {
  /** Files at the root that a reader thread already read (by name); the rest is read here. */
  ahead?: readonly AheadContextFile[];
  /** The Dockerfile's absolute path: a `<Dockerfile>.dockerignore` beside it wins over the context's. */
  dockerfile?: string;
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);
export const MAX_CONTEXT_FILES = 20000;
/** Bound on what a scoped context lists: the files a Dockerfile copies, not the whole tree. */
export const MAX_SCOPED_FILES = 250_000;
const DEFAULT_MAX_BYTES = 1 << 20;

/** Listing order: folder by folder, names by code unit (a folder's files where its name sorts). */
export function compareListed(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // '/' ends a name: it sorts before any character.
    if (x === 47) return -1;
    if (y === 47) return 1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * The ignore rules Docker applies to a context folder for a given Dockerfile: `<Dockerfile>.dockerignore`
 * beside it, else the context's `.dockerignore`. `rootText`: that file's text when already known;
 * `ownExists`: whether the Dockerfile's own ignore file exists, when a listing already told.
 */
export function contextIgnore(root: string, dockerfile?: string, rootText?: string | null, ownExists?: boolean): IgnoreMatcher {
  const own = dockerfile && ownExists !== false ? readIfFile(`${dockerfile}.dockerignore`, DEFAULT_MAX_BYTES) : null;
  const text = own ?? (rootText !== undefined ? rootText : readIfFile(path.join(root, '.dockerignore'), DEFAULT_MAX_BYTES));
  return text === null ? () => false : compileDockerignore(text);
}

export function diskContext(root: string, maxFiles = MAX_CONTEXT_FILES, aheadOrOptions?: readonly AheadContextFile[] | DiskContextOptions): ContextFS {
  const options: DiskContextOptions = Array.isArray(aheadOrOptions) ? { ahead: aheadOrOptions } : (aheadOrOptions as DiskContextOptions | undefined) ?? {};
  const ahead = options.ahead;
  const abs = path.resolve(root);
  let rootEntries: fs.Dirent[] | null = null;
  const rootListing = () => (rootEntries ??= takeListing(abs));
  let ignoredMemo: IgnoreMatcher | null = null;
  const ignored = (): IgnoreMatcher => {
    if (ignoredMemo) return ignoredMemo;
    // Read .dockerignore only when the listing shows one (a failed open costs an exception).
    const hasIgnore = rootListing().some((e) => e.name === '.dockerignore' && e.isFile());
    const early = ahead?.find((f) => f.name === '.dockerignore');
    const rootText = !hasIgnore ? null : early ? early.text : readIfFile(path.join(abs, '.dockerignore'), DEFAULT_MAX_BYTES);
    // The Dockerfile's own ignore file: when the Dockerfile is at the root, the listing tells.
    const df = options.dockerfile;
    const ownExists = df && path.dirname(df) === abs ? rootListing().some((e) => e.name === `${path.basename(df)}.dockerignore`) : undefined;
    ignoredMemo = contextIgnore(abs, df, rootText, ownExists);
    return ignoredMemo;
  };
  // Regular files found by listings (read without a stat), and folders listed completely.
  const regular = new Set<string>();
  const listedDirs = new Set<string>();
  const lists = new Map<string, FileList>();
  let whole: FileList | null = null;

  const listUnder = (dir: string, max = maxFiles): FileList => {
    const key = `${dir}\u0000${max}`;
    const had = lists.get(key);
    if (had) return had;
    const ign = ignored();
    const files: string[] = [];
    let truncated = false;
    const complete: string[] = [];
    const walk = (full: string, rel: string, listed?: fs.Dirent[]) => {
      const entries = listed ?? readDir(full);
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (truncated) return;
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (SKIP_DIRS.has(e.name)) continue;
          if (ign(r) && !ign.mayReinclude?.(r)) continue;
          walk(path.join(full, e.name), r);
        } else if (!ign(r)) {
          if (files.length >= max) {
            truncated = true;
            return;
          }
          files.push(r);
          if (e.isFile()) regular.add(r);
        }
      }
      if (!truncated) complete.push(rel);
    };
    if (dir === '') walk(abs, '', rootListing());
    else if (kindOf(dir) === 'dir' && !dir.split('/').some((s) => SKIP_DIRS.has(s))) walk(path.join(abs, ...dir.split('/')), dir);
    for (const d of complete) listedDirs.add(d);
    const out = { files, truncated };
    lists.set(key, out);
    return out;
  };

  const kinds = new Map<string, EntryKind | null>();
  const kindOf = (rel: string): EntryKind | null => {
    if (rel === '') return 'dir';
    let k = kinds.get(rel);
    if (k !== undefined) return k;
    k = null;
    const p = path.join(abs, ...rel.split('/'));
    if (p.startsWith(abs + path.sep)) {
      // No exception for a missing path: a look-up that fails is common and must stay cheap.
      const st = fs.statSync(p, { throwIfNoEntry: false });
      if (st) k = st.isDirectory() ? 'dir' : 'file';
      // A dangling link is still sent.
      else if (fs.lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink()) k = 'file';
    }
    const ign = k ? ignored() : null;
    if (k && ign && ign(rel) && !(k === 'dir' && ign.mayReinclude?.(rel))) k = null;
    kinds.set(rel, k);
    return k;
  };

  /** Whether a path below the root reaches a regular file through real folders only. */
  const plainFile = (rel: string): boolean => {
    if (ignored()(rel)) return false;
    const parts = rel.split('/');
    if (parts.some((s) => s === '' || s === '.' || s === '..' || SKIP_DIRS.has(s))) return false;
    let p = abs;
    for (let i = 0; i < parts.length; i++) {
      p = path.join(p, parts[i]);
      const st = fs.lstatSync(p, { throwIfNoEntry: false });
      if (!st || (i < parts.length - 1 ? !st.isDirectory() : !st.isFile())) return false;
    }
    return true;
  };

  return {
    root: abs,
    listFiles() {
      if (!whole) whole = listUnder('');
      return whole;
    },
    listUnder,
    kind: kindOf,
    readText(rel, maxBytes = DEFAULT_MAX_BYTES, head = false) {
      // A file in a folder a listing covered is read only when the listing found it as a regular
      // file: no separate stat, and links are never followed. Elsewhere the path is checked first.
      const slash = rel.lastIndexOf('/');
      const dir = slash < 0 ? '' : rel.slice(0, slash);
      if (listedDirs.has(dir)) {
        if (!regular.has(rel)) return null;
      } else if (!(slash < 0 ? rootListing().some((e) => e.name === rel && e.isFile()) && !ignored()(rel) : plainFile(rel))) {
        return null;
      }
      // Read ahead: plain names at the root, from a listing, so no path to check.
      const early = ahead?.find((f) => f.name === rel);
      if (early && early.bytes <= maxBytes) return early.text;
      if (early && !head) return null;
      const p = path.join(abs, ...rel.split('/'));
      if (!p.startsWith(abs)) return null;
      return readTextNoFollow(p, maxBytes, head);
    },
  };
}

function readDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function readIfFile(p: string, maxBytes: number): string | null {
  try {
    const st = fs.lstatSync(p, { throwIfNoEntry: false });
    if (!st || !st.isFile() || st.size > maxBytes) return null;
    return fs.readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}

/** An in-memory context: `{ 'main.go': 'package main…', 'templates/a.tmpl': '…' }`. */
export function memoryContext(files: Record<string, string>): ContextFS {
  const names = Object.keys(files).sort(compareListed);
  const ignoreText = files['.dockerignore'];
  const ignored: IgnoreMatcher = ignoreText === undefined ? () => false : compileDockerignore(ignoreText);
  const visible = names.filter((n) => !ignored(n));
  const listed = visible.filter((n) => !n.split('/').slice(0, -1).some((s) => SKIP_DIRS.has(s)));
  return {
    root: null,
    listFiles: () => ({ files: listed, truncated: false }),
    listUnder: (dir, maxFiles = Infinity) => {
      const under = dir === '' ? listed : listed.filter((n) => n.startsWith(dir + '/'));
      return under.length > maxFiles ? { files: under.slice(0, maxFiles), truncated: true } : { files: under, truncated: false };
    },
    kind: (rel) => {
      if (rel === '') return 'dir';
      if (visible.includes(rel)) return 'file';
      const prefix = rel + '/';
      return visible.some((n) => n.startsWith(prefix)) ? 'dir' : null;
    },
    readText: (rel, maxBytes = DEFAULT_MAX_BYTES, head = false) => {
      if (!Object.prototype.hasOwnProperty.call(files, rel)) return null;
      const text = files[rel];
      // The same bounds as on disk: a UTF-8 character is at most 3 bytes per UTF-16 unit.
      if (text.length * 3 <= maxBytes) return text;
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length <= maxBytes) return text;
      return head ? bytes.subarray(0, maxBytes).toString('utf8') : null;
    },
  };
}

/** A context with no files at all (stdin without --stdin-filepath). */
export const emptyContext: ContextFS = {
  root: null,
  listFiles: () => ({ files: [], truncated: true }),
  listUnder: () => ({ files: [], truncated: true }),
  kind: () => null,
  readText: () => null,
};

/**
 * A pattern's matches in a context, as Docker expands a COPY source: `*`, `?` and `[...]` within one
 * name, segment by segment, so only the folders on the pattern's way are listed. Null when the
 * search passed its bound (the answer is then unknown).
 */
export function globMatches(ctx: ContextFS, pattern: string, maxVisited = 20_000): string[] | null {
  const segs = pattern.split('/');
  let current = [''];
  let visited = 0;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const next: string[] = [];
    if (!/[*?[]/.test(seg)) {
      for (const c of current) {
        const p = c ? `${c}/${seg}` : seg;
        if (ctx.kind(p) !== null) next.push(p);
      }
    } else {
      if (seg === '**') return null;
      const re = segmentRegExp(seg);
      for (const c of current) {
        const names = childNames(ctx, c);
        if (names === null) return null;
        visited += names.length;
        if (visited > maxVisited) return null;
        for (const n of names) {
          const p = c ? `${c}/${n}` : n;
          if (re.test(n) && ctx.kind(p) !== null) next.push(p);
        }
      }
    }
    current = next;
    if (!current.length) break;
  }
  return current;
}

/** The names in one folder of a context (files and folders), or null when it cannot be listed. */
function childNames(ctx: ContextFS, dir: string): string[] | null {
  if (ctx.root !== null) {
    try {
      return fs.readdirSync(dir ? path.join(ctx.root, ...dir.split('/')) : ctx.root);
    } catch {
      return [];
    }
  }
  const list = ctx.listUnder(dir);
  if (list.truncated && ctx.kind(dir) === null) return null;
  const prefix = dir ? dir + '/' : '';
  return [...new Set(list.files.map((f) => f.slice(prefix.length).split('/')[0]))];
}

function segmentRegExp(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let cls = seg.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (cls.startsWith('^') || cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < seg.length) re += seg[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * The same context, with listFiles() covering only the given sub-trees ('' = the whole context):
 * what the Dockerfile copies. Reads and look-ups are unchanged.
 */
export function scopedContext(ctx: ContextFS, scope: readonly string[], maxFiles = MAX_SCOPED_FILES): ContextFS {
  if (scope.includes('')) {
    let all: FileList | null = null;
    return { ...ctx, listFiles: () => (all ??= ctx.listUnder('', maxFiles)) };
  }
  let listed: FileList | null = null;
  const listFiles = (): FileList => {
    if (listed) return listed;
    // A glob stands for what it matches (or, when too broad to match, the folder it starts in).
    const expanded = scope.flatMap((r) => (/[*?[]/.test(r) ? globMatches(ctx, r) ?? [r.split('/').filter((_, i, a) => !a.slice(0, i + 1).some((x) => /[*?[]/.test(x))).join('/')] : [r]));
    if (expanded.includes('')) return (listed = ctx.listUnder('', maxFiles));
    const roots = [...new Set(expanded)].sort(compareListed).filter((r, i, all) => !all.slice(0, i).some((p) => r.startsWith(p + '/')));
    const seen = new Set<string>();
    const files: string[] = [];
    let truncated = false;
    for (const r of roots) {
      const k = ctx.kind(r);
      if (k === 'dir') {
        const l = ctx.listUnder(r, maxFiles - files.length);
        truncated ||= l.truncated;
        for (const f of l.files) if (!seen.has(f)) (seen.add(f), files.push(f));
      } else if (k === 'file' && !r.split('/').slice(0, -1).some((s) => SKIP_DIRS.has(s)) && !seen.has(r)) {
        seen.add(r);
        files.push(r);
      }
      if (files.length >= maxFiles) truncated = true;
      if (truncated) break;
    }
    files.sort(compareListed);
    listed = { files, truncated };
    return listed;
  };
  return { root: ctx.root, listFiles, listUnder: ctx.listUnder, kind: ctx.kind, readText: ctx.readText };
}
