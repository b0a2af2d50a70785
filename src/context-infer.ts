// The build context a Dockerfile is meant for when nothing declares one: the nearest folder, from
// the Dockerfile's own up to the repository root, in which every COPY/ADD source of the file
// exists (as Docker would send it: .dockerignore and `<Dockerfile>.dockerignore` applied).
import * as fs from 'fs';
import * as path from 'path';
import { diskContext, globMatches } from './context';
import { peekListing } from './dir-listing';
import type { ContextFS } from './context';
import { contextSources, copyWords, normalizeContextPath } from './copy-sources';
import type { ContextSource } from './copy-sources';
import { parseDockerfile } from './dockerfile';

export type InferredContext =
  | { kind: 'fits'; dir: string; reason: string }
  | { kind: 'none'; missing: string; searched: string[] };

/**
 * `repoRoot`: the repository's root folder; when null, the nearest ancestor holding `.git`. The
 * search never goes above it (without a repository, only the Dockerfile's own folder is tried).
 */
export function inferContext(dockerfileAbs: string, text: string, repoRoot: string | null): InferredContext {
  const own = path.dirname(path.resolve(dockerfileAbs));
  const sources = sourcesOf(text);
  const searched = candidateFolders(own, repoRoot);
  if (!sources.length) return { kind: 'fits', dir: own, reason: 'the Dockerfile copies nothing from its build context' };
  let ownMissing: ContextSource[] | null = null;
  for (const dir of searched) {
    const missing = missingSources(diskContext(dir, undefined, { dockerfile: dockerfileAbs }), sources);
    if (ownMissing === null) ownMissing = missing;
    if (missing.length) continue;
    if (dir === own) return { kind: 'fits', dir, reason: `every COPY/ADD source exists in the Dockerfile's own folder ${dir}` };
    return { kind: 'fits', dir, reason: `${describeSources(ownMissing)} ${ownMissing.length > 1 ? 'exist' : 'exists'} only from ${dir}` };
  }
  return { kind: 'none', missing: (ownMissing ?? [])[0]?.raw ?? '', searched };
}

/** The Dockerfile's context sources (all stages and ONBUILD triggers), or none when it does not parse. */
export function sourcesOf(text: string): ContextSource[] {
  const quick = quickSources(text);
  if (quick) return quick;
  try {
    return contextSources(parseDockerfile(text)).sources;
  } catch {
    return [];
  }
}

/**
 * The sources read line by line, without the parser, for the common file: no variables, no
 * heredocs, no escape directive. Null otherwise (the parser then reads it).
 */
function quickSources(text: string): ContextSource[] | null {
  if (text.includes('$') || text.includes('<<') || /^\s*#\s*escape\s*=/im.test(text.slice(0, 1024))) return null;
  const out: ContextSource[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i];
    const m = /^\s*(?:onbuild\s+)?(copy|add)(\s+[\s\S]*)?$/i.exec(first);
    // The rest of a continued instruction is skipped either way.
    let logical = first;
    const startLine = i + 1;
    while (/\\[ \t]*$/.test(logical) && i + 1 < lines.length) {
      i++;
      if (/^\s*#/.test(lines[i])) continue;
      logical = logical.replace(/\\[ \t]*$/, '') + lines[i];
    }
    if (!m || !m[2]) continue;
    const keyword = m[1].toUpperCase() as 'COPY' | 'ADD';
    const args = logical.replace(/^\s*(?:onbuild\s+)?(copy|add)/i, '');
    const words = copyWords(args, '\\');
    if (!words || words.from) continue;
    for (const raw of words.sources) {
      if (keyword === 'ADD' && (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || /^git@/.test(raw))) continue;
      const p = normalizeContextPath(raw);
      out.push({ raw, path: p, glob: /[*?[]/.test(p), keyword, line: startLine });
    }
  }
  return out;
}

/** The folders to try, nearest first: the Dockerfile's own, then each parent up to the repository root. */
export function candidateFolders(own: string, repoRoot: string | null): string[] {
  const root = repoRoot ? path.resolve(repoRoot) : findRepoRoot(own);
  if (!root || !(own === root || own.startsWith(root.endsWith(path.sep) ? root : root + path.sep))) return [own];
  const out: string[] = [];
  for (let d = own; ; d = path.dirname(d)) {
    out.push(d);
    if (d === root || path.dirname(d) === d) break;
  }
  return out;
}

/** Folders known to hold `.git` or not (a batch asks about the same parents again and again). */
const holdsGit = new Map<string, boolean>();
const MAX_REMEMBERED = 100_000;

/** The nearest folder holding `.git` (a folder, or a file for worktrees and submodules), or null. */
export function findRepoRoot(from: string): string | null {
  for (let d = path.resolve(from); ; d = path.dirname(d)) {
    let has = holdsGit.get(d);
    if (has === undefined) {
      const listed = peekListing(d);
      has = listed ? listed.some((e) => e.name === '.git') : fs.lstatSync(path.join(d, '.git'), { throwIfNoEntry: false }) !== undefined;
      if (holdsGit.size >= MAX_REMEMBERED) holdsGit.clear();
      holdsGit.set(d, has);
    }
    if (has) return d;
    if (path.dirname(d) === d) return null;
  }
}

/**
 * The sources (as written) a context lacks. A glob counts as present when it matches something;
 * a glob too broad to check is taken as present.
 */
export function missingSources(ctx: ContextFS, sources: readonly ContextSource[]): ContextSource[] {
  const missing: ContextSource[] = [];
  for (const s of sources) {
    if (s.path === '' || missing.some((m) => m.raw === s.raw)) continue;
    const present = s.glob ? (globMatches(ctx, s.path) ?? ['?']).length > 0 : ctx.kind(s.path) !== null;
    if (!present) missing.push(s);
  }
  return missing;
}

/** `COPY a and b`, `ADD a, b, c and 2 more`. */
export function describeSources(sources: readonly ContextSource[]): string {
  const keyword = sources.every((s) => s.keyword === sources[0].keyword) ? sources[0].keyword : 'COPY/ADD';
  const raw = sources.map((s) => s.raw);
  const named = raw.length <= 3 ? raw.slice(0, -1).join(', ') + (raw.length > 1 ? ' and ' : '') + raw[raw.length - 1] : `${raw.slice(0, 3).join(', ')} and ${raw.length - 3} more`;
  return `${keyword} ${named}`;
}
