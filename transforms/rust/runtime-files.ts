// Files a Rust program may read at run time: what the Dockerfile copied from the context that
// is not Rust source or build metadata (config/, templates/, static/, migrations/ next to it).
import * as posix from 'path/posix';
import { placedFiles } from '../shared/context-map';
import type { ContextCopy } from '../shared/context-map';

const BUILD_ONLY_FILE = new RegExp(
  '^(' + [
    '.*\\.rs', 'Cargo\\.(toml|lock)', 'rust-toolchain(\\.toml)?', '(\\.)?rustfmt\\.toml', '(\\.)?clippy\\.toml', 'deny\\.toml',
    'Dockerfile.*', '.*\\.[Dd]ockerfile', 'Containerfile.*', '\\.dockerignore', '\\.git.*', '\\.editorconfig',
    '(README|LICEN[CS]E|COPYING|NOTICE|CHANGELOG|CONTRIBUTING|AUTHORS|CODEOWNERS|SECURITY)(\\..*)?', 'LICENSE-.*',
    'Makefile', 'Justfile', 'justfile', '.*\\.md', '\\.travis\\.yml', '(docker-)?compose.*\\.ya?ml', 'Jenkinsfile', '\\.pre-commit-.*', 'e2e\\.json',
  ].join('|') + ')$',
);
/** Folders whose content is compiled in or only used by cargo (`src/` includes include_str! data). */
const BUILD_ONLY_DIR = new Set(['src', 'target', '.cargo', 'benches', 'tests', 'examples', '.git', '.github', '.gitlab', '.circleci', '.vscode', '.idea', 'vendor']);

export function isRustBuildOnly(ctxPath: string): boolean {
  const parts = ctxPath.split('/');
  if (parts.slice(0, -1).some((p) => BUILD_ONLY_DIR.has(p))) return true;
  return BUILD_ONLY_FILE.test(parts[parts.length - 1]);
}

/** Folders that hold more than what a COPY put there: never copied whole. */
const SHARED_DIRS = new Set(['/', '/etc', '/usr', '/usr/local', '/usr/local/bin', '/usr/share', '/usr/bin', '/var', '/var/lib', '/opt', '/bin', '/lib', '/root', '/home', '/tmp', '/srv', '/usr/local/cargo', '/usr/src']);
export const MAX_RUNTIME_PIECES = 12;

export interface RuntimeFiles {
  paths: string[];
  /** Set when there were too many pieces and the copy destinations are taken whole. */
  wholeDir: string | null;
}

/** The fewest image paths covering every runtime file and no build-only file. */
export function rustRuntimeFiles(copies: readonly ContextCopy[], files: readonly string[], exclude: ReadonlySet<string>): RuntimeFiles {
  const placed = new Map<string, string>();
  for (const c of copies) for (const p of placedFiles(c, files)) placed.set(p.image, p.ctx);
  const runtime: string[] = [];
  const impure = new Set<string>();
  for (const [image, ctx] of placed) {
    if (exclude.has(image)) continue;
    if (isRustBuildOnly(ctx)) {
      for (let d = posix.dirname(image); ; d = posix.dirname(d)) {
        impure.add(d);
        if (d === '/') break;
      }
    } else runtime.push(image);
  }
  const dirDests = copies.filter((c) => c.destIsDir).map((c) => c.dest);
  const mayCopyWhole = (d: string) => dirDests.some((dest) => d.startsWith(dest === '/' ? '/' : dest + '/') || (d === dest && !SHARED_DIRS.has(d)));
  const chosen = new Set<string>();
  for (const f of runtime) {
    let top = f;
    for (let d = posix.dirname(f); d !== '/' && !impure.has(d) && mayCopyWhole(d); d = posix.dirname(d)) top = d;
    chosen.add(top);
  }
  const paths = [...chosen].sort();
  if (paths.length > MAX_RUNTIME_PIECES) {
    const dests = [...new Set(copies.map((c) => c.dest))].sort();
    return { paths: dests, wholeDir: dests.join(', ') };
  }
  return { paths, wholeDir: null };
}
