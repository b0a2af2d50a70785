// Which context files end up where in the image: the COPY/ADD instructions from the build
// context, replayed over the context's file list.
import * as posix from 'path/posix';

export interface ContextCopy {
  /** Sources relative to the context root, normalized ('' = the root); may hold globs. */
  sources: string[];
  /** Absolute destination in the image. */
  dest: string;
  /** Destination is a folder (ends with '/', or several sources, or a folder source). */
  destIsDir: boolean;
  line: number;
}

export interface PlacedFile {
  ctx: string;
  image: string;
}

export function normalizeSource(src: string): string {
  const n = posix.normalize(src.replace(/^\/+/, ''));
  return n === '.' || n === './' ? '' : n.replace(/\/+$/, '');
}

export function hasGlob(s: string): boolean {
  return /[*?[]/.test(s);
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const c of glob) {
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether a context path is a folder, given the file list. */
export function isContextDir(rel: string, files: readonly string[]): boolean {
  if (rel === '') return true;
  const prefix = rel + '/';
  return files.some((f) => f.startsWith(prefix));
}

/** Every context file a COPY brings in, with its path in the image. */
export function placedFiles(copy: ContextCopy, files: readonly string[]): PlacedFile[] {
  const out: PlacedFile[] = [];
  for (const src of copy.sources) {
    let matches = [src];
    if (hasGlob(src)) {
      const re = globToRegExp(src);
      const depth = src.split('/').length;
      matches = dedupeTop(files.filter((f) => re.test(f) || re.test(f.split('/').slice(0, depth).join('/'))), src);
    }
    for (const m of matches) {
      if (isContextDir(m, files)) {
        const prefix = m === '' ? '' : m + '/';
        for (const f of files) if (f.startsWith(prefix)) out.push({ ctx: f, image: posix.join(copy.dest, f.slice(prefix.length)) });
      } else if (files.includes(m)) {
        out.push({ ctx: m, image: copy.destIsDir ? posix.join(copy.dest, posix.basename(m)) : copy.dest });
      }
    }
  }
  return out;
}

function dedupeTop(matches: string[], src: string): string[] {
  const depth = src.split('/').length;
  return [...new Set(matches.map((f) => f.split('/').slice(0, depth).join('/')))];
}

/** The context path of an image path (file or folder), following the copies, or null. */
export function contextPathOf(imagePath: string, copies: readonly ContextCopy[], files: readonly string[]): string | null {
  for (let k = copies.length - 1; k >= 0; k--) {
    const c = copies[k];
    for (const src of c.sources) {
      if (hasGlob(src)) continue;
      if (isContextDir(src, files)) {
        if (imagePath === c.dest) return src;
        if (imagePath.startsWith(c.dest === '/' ? '/' : c.dest + '/')) {
          const rest = imagePath.slice(c.dest === '/' ? 1 : c.dest.length + 1);
          return src ? `${src}/${rest}` : rest;
        }
      } else {
        const target = c.destIsDir ? posix.join(c.dest, posix.basename(src)) : c.dest;
        if (imagePath === target) return src;
      }
    }
  }
  return null;
}
