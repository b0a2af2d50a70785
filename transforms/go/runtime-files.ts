// Files the program reads at run time: what the Dockerfile copied from the context that is not
// Go source or build metadata (templates/, static/, migrations/, config files).
import * as posix from 'path/posix';
import { placedFiles } from '../shared/context-map';
import type { ContextCopy } from '../shared/context-map';

const BUILD_ONLY_FILE = new RegExp(
  '^(' + [
    '.*\\.go', 'go\\.(mod|sum|work|work\\.sum)', '.*\\.(c|h|cc|cpp|cxx|hpp|hh|s|S|syso|m|swig|swigcxx)',
    'Dockerfile.*', '.*\\.[Dd]ockerfile', 'Containerfile.*', '\\.dockerignore', '\\.git.*', '\\.godir',
    '(README|LICEN[CS]E|COPYING|NOTICE|CHANGELOG|CONTRIBUTING|AUTHORS|CODEOWNERS|SECURITY)(\\..*)?',
    'Makefile', 'GNUmakefile', '.*\\.mk', '.*\\.md', '\\.editorconfig', '\\.golangci\\..*', '\\.goreleaser\\..*',
    '\\.travis\\.yml', '(docker-)?compose.*\\.ya?ml', 'Jenkinsfile', '\\.pre-commit-.*', 'e2e\\.json',
  ].join('|') + ')$',
);
const BUILD_ONLY_DIR = new Set(['vendor', 'testdata', '.git', '.github', '.gitlab', '.circleci', '.vscode', '.idea', 'node_modules']);

export function isBuildOnly(ctxPath: string, embedded: readonly string[]): boolean {
  const parts = ctxPath.split('/');
  if (parts.slice(0, -1).some((p) => BUILD_ONLY_DIR.has(p))) return true;
  if (BUILD_ONLY_FILE.test(parts[parts.length - 1])) return true;
  return embeddingPattern(ctxPath, embedded) !== null;
}

/** The go:embed pattern that compiles this file into the binary, or null. */
export function embeddingPattern(ctxPath: string, embedded: readonly string[]): string | null {
  return embedded.find((e) => ctxPath === e || ctxPath.startsWith(e.replace(/\/$/, '') + '/') || globMatch(e, ctxPath)) ?? null;
}

function globMatch(glob: string, path: string): boolean {
  if (!/[*?[]/.test(glob)) return false;
  const re = new RegExp('^' + glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '(/.*)?$');
  return re.test(path);
}

export interface RuntimeFiles {
  /** Image paths (files or folders) to copy, sorted. */
  paths: string[];
  /** Embedded paths that were left out, for the message. */
  embedded: string[];
  /** Set when there were too many pieces and a whole folder is copied instead. */
  wholeDir: string | null;
}

export const MAX_RUNTIME_PIECES = 12;

/** Folders that hold more than what a COPY put there. */
const SHARED_DIRS = new Set(['/', '/etc', '/usr', '/usr/local', '/usr/local/bin', '/usr/share', '/usr/bin', '/var', '/var/lib', '/opt', '/bin', '/lib', '/go', '/go/src', '/go/bin', '/root', '/home', '/tmp', '/srv']);

/**
 * The smallest set of image paths that covers every runtime file and no build-only file:
 * whole folders where a folder holds only runtime files, single files elsewhere.
 */
export function runtimeFiles(copies: readonly ContextCopy[], files: readonly string[], embedded: readonly string[], exclude: ReadonlySet<string>): RuntimeFiles {
  // Later copies win for the same image path.
  const placed = new Map<string, string>();
  for (const c of copies) for (const p of placedFiles(c, files)) placed.set(p.image, p.ctx);
  const runtime = new Set<string>();
  const buildOnly = new Set<string>();
  const embeddedHits = new Set<string>();
  for (const [image, ctx] of placed) {
    if (exclude.has(image)) continue;
    if (isBuildOnly(ctx, embedded)) {
      buildOnly.add(image);
      const pattern = isBuildOnly(ctx, []) ? null : embeddingPattern(ctx, embedded);
      if (pattern) embeddedHits.add(pattern);
    } else runtime.add(image);
  }
  // A folder is "pure" when every file placed below it is a runtime file.
  const impure = new Set<string>();
  for (const b of buildOnly) for (let d = posix.dirname(b); ; d = posix.dirname(d)) {
    impure.add(d);
    if (d === '/') break;
  }
  // Never climb out of what the copies created: `COPY app.conf /etc/` must not copy /etc.
  const dirDests = copies.filter((c) => c.destIsDir).map((c) => c.dest);
  const mayCopyWhole = (d: string) =>
    dirDests.some((dest) => d.startsWith(dest === '/' ? '/' : dest + '/') || (d === dest && !SHARED_DIRS.has(d)));
  const chosen = new Set<string>();
  for (const f of runtime) {
    let top = f;
    for (let d = posix.dirname(f); d !== '/' && !impure.has(d) && mayCopyWhole(d); d = posix.dirname(d)) top = d;
    chosen.add(top);
  }
  const paths = [...chosen].sort();
  const embeddedList = [...embeddedHits].sort();
  if (paths.length > MAX_RUNTIME_PIECES) {
    const dests = [...new Set(copies.map((c) => c.dest))].sort();
    return { paths: dests, embedded: embeddedList, wholeDir: dests.join(', ') };
  }
  return { paths, embedded: embeddedList, wholeDir: null };
}
