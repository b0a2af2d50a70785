// Files a Rust program may read at run time: what the Dockerfile copied from the context that
// is not Rust source or build metadata (config/, templates/, static/, migrations/ next to it).
import { buildOnlyMatcher, selectRuntimePaths } from '../shared/runtime-files';
import type { RuntimePaths } from '../shared/runtime-files';
import type { ContextCopy } from '../shared/context-map';

export { MAX_RUNTIME_PIECES } from '../shared/runtime-files';
export type RuntimeFiles = RuntimePaths;

/** Rust sources and cargo's own files; `src/` holds include_str! data compiled in. */
export const isRustBuildOnly = buildOnlyMatcher(
  ['.*\\.rs', 'Cargo\\.(toml|lock)', 'rust-toolchain(\\.toml)?', '(\\.)?rustfmt\\.toml', '(\\.)?clippy\\.toml', 'deny\\.toml', 'Justfile', 'justfile'],
  ['src', 'target', '.cargo', 'benches', 'tests', 'examples', 'vendor'],
);

/** The fewest image paths covering every runtime file and no build-only file. */
export function rustRuntimeFiles(copies: readonly ContextCopy[], files: readonly string[], exclude: ReadonlySet<string>): RuntimeFiles {
  return selectRuntimePaths(copies, files, isRustBuildOnly, (image) => exclude.has(image));
}
