// The build context as the transforms see it: a bounded, read-only view of files, gathered at the
// edge (disk) or given in memory (tests, stdin). Honors .dockerignore like `docker build` does.
import * as fs from 'fs';
import * as path from 'path';
import { takeListing } from './dir-listing';
import { readTextNoFollow } from './read-bytes';
import { compileDockerignore } from './dockerignore';
import type { IgnoreMatcher } from './dockerignore';
import type { AheadContextFile } from './read-ahead';

export interface ContextFS {
  /** Absolute folder on disk, or null for an in-memory context. */
  readonly root: string | null;
  /** Relative POSIX paths of the files Docker would send (after .dockerignore), bounded. */
  listFiles(): FileList;
  /**
   * A file's text, or null when it does not exist, is not a file, or is larger than maxBytes —
   * unless `head` is set: then a longer file gives its first maxBytes bytes.
   */
  readText(rel: string, maxBytes?: number, head?: boolean): string | null;
}

export interface FileList {
  files: string[];
  /** True when the walk stopped at its bound: absent files are then unknown, not absent. */
  truncated: boolean;
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);
export const MAX_CONTEXT_FILES = 20000;
const DEFAULT_MAX_BYTES = 1 << 20;

/** `ahead`: files at the root that a reader thread already read (by name); the rest is read here. */
export function diskContext(root: string, maxFiles = MAX_CONTEXT_FILES, ahead?: readonly AheadContextFile[]): ContextFS {
  let cached: FileList | null = null;
  let known: Set<string> | null = null;
  const abs = path.resolve(root);
  return {
    root: abs,
    listFiles() {
      if (cached) return cached;
      const rootEntries = takeListing(abs);
      // Read .dockerignore only when the listing shows one (a failed open costs an exception).
      const hasIgnore = rootEntries.some((e) => e.name === '.dockerignore' && e.isFile());
      const early = ahead?.find((f) => f.name === '.dockerignore');
      const ignoreText = !hasIgnore ? null : early ? early.text : readIfFile(path.join(abs, '.dockerignore'), DEFAULT_MAX_BYTES);
      const ignored: IgnoreMatcher = ignoreText === null ? () => false : compileDockerignore(ignoreText);
      const files: string[] = [];
      let truncated = false;
      const regular = new Set<string>();
      const walk = (dir: string, rel: string, listed?: fs.Dirent[]) => {
        const entries = listed ?? readDir(dir);
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const e of entries) {
          if (truncated) return;
          const r = rel ? `${rel}/${e.name}` : e.name;
          if (e.isDirectory()) {
            if (SKIP_DIRS.has(e.name)) continue;
            if (ignored(r) && !ignored.mayReinclude?.(r)) continue;
            walk(path.join(dir, e.name), r);
          } else if (!ignored(r)) {
            if (files.length >= maxFiles) {
              truncated = true;
              return;
            }
            files.push(r);
            if (e.isFile()) regular.add(r);
          }
        }
      };
      walk(abs, '', rootEntries);
      cached = { files, truncated };
      known = regular;
      return cached;
    },
    readText(rel, maxBytes = DEFAULT_MAX_BYTES, head = false) {
      // Only regular files the listing found are read: no separate stat, and links are never followed.
      if (known && !known.has(rel)) return null;
      // Read ahead: plain names at the root, from a listing, so no path to check.
      const early = ahead?.find((f) => f.name === rel);
      if (early && early.bytes <= maxBytes) return early.text;
      if (early && !head) return null;
      const p = path.join(abs, ...rel.split('/'));
      if (!p.startsWith(abs)) return null;
      return known || head ? readTextNoFollow(p, maxBytes, head) : readIfFile(p, maxBytes);
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
    const st = fs.lstatSync(p);
    if (!st.isFile() || st.size > maxBytes) return null;
    return fs.readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}

/** An in-memory context: `{ 'main.go': 'package main…', 'templates/a.tmpl': '…' }`. */
export function memoryContext(files: Record<string, string>): ContextFS {
  const names = Object.keys(files).sort();
  const ignoreText = files['.dockerignore'];
  const ignored = ignoreText === undefined ? () => false : compileDockerignore(ignoreText);
  return {
    root: null,
    listFiles: () => ({ files: names.filter((n) => !ignored(n)), truncated: false }),
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
  readText: () => null,
};
