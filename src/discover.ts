// Turns command-line paths, directories and globs into a sorted, de-duplicated list of Dockerfiles.
// Symlinks are never followed: a walk skips them, and one named on the command line is an error.
import * as fs from 'fs';
import * as path from 'path';
import { keepListing } from './dir-listing';
import ignore from 'ignore';
import type { Ignore } from 'ignore';

export interface DiscoveryError {
  /** The argument as the user gave it. */
  path: string;
  id: 'input/not-found' | 'input/symlink' | 'input/not-a-file' | 'input/no-match' | 'input/unreadable';
  message: string;
}

export interface Discovery {
  /** POSIX paths relative to cwd, sorted by code unit, unique. */
  files: string[];
  errors: DiscoveryError[];
}

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
const IGNORE_FILES = ['.gitignore', '.stageifyignore'];

/** The names a directory expands to; a file named explicitly is taken whatever its name. */
export function isDockerfileName(name: string): boolean {
  // `Dockerfile.dockerignore` is BuildKit's per-Dockerfile ignore file, not a Dockerfile.
  if (name.endsWith('.dockerignore')) return false;
  return name === 'Dockerfile' || name === 'Containerfile' || name.startsWith('Dockerfile.') ||
    (name.endsWith('.Dockerfile') && name.length > '.Dockerfile'.length);
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Code-unit order, not locale order, so output is the same on every machine. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** `**` spans folders, `*` and `?` stay within one, `[abc]`/`[!a-z]` classes, `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const atStart = i === 0 || glob[i - 1] === '/';
      const next = glob[i + 2];
      i++;
      if (atStart && next === '/') { re += '(?:[^/]*/)*'; i++; }      // `**/` : zero or more folders
      else if (atStart && next === undefined) re += '.*';           // trailing `**`: everything below
      else re += '[^/]*';                                            // `a**b` is just a star
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) { re += '\\['; continue; }
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += '[' + body.replace(/\\/g, '\\\\') + ']';
      i = close;
    } else if (c === '{') { braces++; re += '(?:'; }
    else if (c === '}' && braces > 0) { braces--; re += ')'; }
    else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\{}]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

interface IgnoreScope { dir: string; ig: Ignore }

/** The ignore files of `dir`; `names` (its listing, when known) saves failed opens in big trees. */
function loadScope(dir: string, names?: ReadonlySet<string>): IgnoreScope | undefined {
  let ig: Ignore | undefined;
  for (const name of IGNORE_FILES) {
    if (names && !names.has(name)) continue;
    let text: string;
    try { text = fs.readFileSync(path.join(dir, name), 'utf8'); } catch { continue; }
    ig = (ig ?? ignore()).add(text);
  }
  return ig && { dir, ig };
}

/** `abs` relative to an ancestor folder, POSIX. */
function relativeTo(dir: string, abs: string): string {
  // The walk builds `abs` by joining names onto `dir`, so a prefix cut is enough (and cheaper).
  const rel = abs.startsWith(dir) && abs[dir.length] === path.sep ? abs.slice(dir.length + 1) : path.relative(dir, abs);
  return path.sep === '/' ? rel : toPosix(rel);
}

/** Git semantics: the deepest ignore file with an opinion on the path decides. */
function isIgnored(scopes: IgnoreScope[], abs: string, isDir: boolean): boolean {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const r = scopes[i].ig.test(relativeTo(scopes[i].dir, abs) + (isDir ? '/' : ''));
    if (r.ignored) return true;
    if (r.unignored) return false;
  }
  return false;
}

/** Ignore files of the folders between cwd and `dir` (exclusive) also apply below `dir`. */
function ancestorScopes(cwd: string, dir: string): IgnoreScope[] {
  const rel = path.relative(cwd, dir);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return [];
  const scopes: IgnoreScope[] = [];
  let cur = cwd;
  for (const part of rel.split(path.sep)) {
    const scope = loadScope(cur);
    if (scope) scopes.push(scope);
    cur = path.join(cur, part);
  }
  return scopes;
}

interface Walker {
  /** Files whose name fails this are not looked at further (not even against ignore files). */
  wants?(name: string): boolean;
  visit(abs: string, name: string): void;
  /** A folder that could not be listed: it may hide Dockerfiles, so the caller reports it. */
  unreadable(abs: string, err: unknown): void;
}

/** Visits every regular file below `root`, skipping symlinks, .git, node_modules and ignored paths. */
function walk(root: string, scopes: IgnoreScope[], w: Walker): void {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(root, { withFileTypes: true }); } catch (err) { w.unreadable(root, err); return; }
  let names: Set<string> | undefined;
  for (const e of entries) if (IGNORE_FILES.includes(e.name)) (names ??= new Set()).add(e.name);
  const own = names && loadScope(root, names);
  const here = own ? [...scopes, own] : scopes;
  let found = false;
  for (const e of entries) {
    if (e.isDirectory()) {
      if (SKIPPED_DIRS.has(e.name)) continue;
      const abs = path.join(root, e.name);
      if (!isIgnored(here, abs, true)) walk(abs, here, w);
    } else if (e.isFile() && (!w.wants || w.wants(e.name))) {
      const abs = path.join(root, e.name);
      if (!isIgnored(here, abs, false)) {
        w.visit(abs, e.name);
        found = true;
      }
    }
  }
  // The Dockerfile's folder is usually its build context: its listing is read again there.
  if (found) keepListing(root, entries);
}

function expandGlob(pattern: string, cwd: string, unreadable: Walker['unreadable']): string[] {
  const parts = pattern.split(/[\\/]/);
  const firstGlob = parts.findIndex(isGlob);
  const base = path.resolve(cwd, parts.slice(0, firstGlob).join('/') || '.');
  const re = globToRegExp(parts.slice(firstGlob).join('/'));
  const found: string[] = [];
  // lstat: a symlinked folder in the fixed part of the pattern is not followed either.
  if (!fs.lstatSync(base, { throwIfNoEntry: false })?.isDirectory()) return found;
  walk(base, ancestorScopes(cwd, base), {
    visit: (abs) => { if (re.test(toPosix(path.relative(base, abs)))) found.push(abs); },
    unreadable,
  });
  return found;
}

function errorMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  return e?.message ?? String(err);
}

export function discover(patterns: readonly string[], cwd: string): Discovery {
  const files = new Set<string>();
  const errors: DiscoveryError[] = [];
  const rel = (abs: string) => toPosix(path.relative(cwd, abs)) || '.';
  const add = (abs: string) => files.add(rel(abs));
  const unreadable = (abs: string, err: unknown) =>
    errors.push({ path: rel(abs), id: 'input/unreadable', message: `cannot list folder: ${errorMessage(err)}` });

  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    let st: fs.Stats | undefined;
    try { st = fs.lstatSync(abs); } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && (err as NodeJS.ErrnoException).code !== 'ENOTDIR') {
        errors.push({ path: pattern, id: 'input/unreadable', message: errorMessage(err) });
        continue;
      }
    }
    if (!st) {
      const matches = isGlob(pattern) ? expandGlob(pattern, cwd, unreadable) : [];
      if (matches.length === 0) {
        errors.push(isGlob(pattern)
          ? { path: pattern, id: 'input/no-match', message: 'pattern matched no files' }
          : { path: pattern, id: 'input/not-found', message: 'no such file or directory' });
      }
      matches.forEach(add);
    } else if (st.isSymbolicLink()) {
      errors.push({ path: pattern, id: 'input/symlink', message: 'is a symbolic link; symlinks are not followed' });
    } else if (st.isFile()) {
      add(abs);
    } else if (st.isDirectory()) {
      let n = 0;
      const errorsBefore = errors.length;
      walk(abs, ancestorScopes(cwd, abs), {
        wants: isDockerfileName,
        visit: (file) => { add(file); n++; },
        unreadable,
      });
      if (n === 0 && errors.length === errorsBefore) errors.push({ path: pattern, id: 'input/no-match', message: 'no Dockerfiles found in this folder' });
    } else {
      errors.push({ path: pattern, id: 'input/not-a-file', message: 'a special file (a pipe, socket or device)' });
    }
  }
  return { files: [...files].sort(comparePaths), errors };
}
