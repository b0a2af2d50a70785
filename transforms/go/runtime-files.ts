// Files a Go program reads at run time: what the Dockerfile copied from the context that is not
// Go source or build metadata (templates/, static/, migrations/, config files), and not compiled
// in with go:embed.
import { buildOnlyMatcher, selectRuntimePaths } from '../shared/runtime-files';
import type { ContextCopy } from '../shared/context-map';

export { MAX_RUNTIME_PIECES } from '../shared/runtime-files';

const isGoBuildFile = buildOnlyMatcher(
  ['.*\\.go', 'go\\.(mod|sum|work|work\\.sum)', '.*\\.(c|h|cc|cpp|cxx|hpp|hh|s|S|syso|m|swig|swigcxx)', '\\.godir', '\\.golangci\\..*', '\\.goreleaser\\..*'],
  ['vendor', 'testdata'],
  // the Go project layout's folders of deploy specs and development scripts
  ['deployments', 'githooks', 'hack'],
);

export function isBuildOnly(ctxPath: string, embedded: readonly string[]): boolean {
  return isGoBuildFile(ctxPath) || embeddingPattern(ctxPath, embedded) !== null;
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
  /** go:embed patterns whose files were left out, for the message. */
  embedded: string[];
  /** Set when there were too many pieces and a whole folder is copied instead. */
  wholeDir: string | null;
}

export function runtimeFiles(copies: readonly ContextCopy[], files: readonly string[], embedded: readonly string[], exclude: ReadonlySet<string>): RuntimeFiles {
  const embeddedHits = new Set<string>();
  const isBuildOnlyHere = (ctx: string) => {
    if (isGoBuildFile(ctx)) return true;
    const pattern = embeddingPattern(ctx, embedded);
    if (pattern) embeddedHits.add(pattern);
    return pattern !== null;
  };
  const r = selectRuntimePaths(copies, files, isBuildOnlyHere, (image) => exclude.has(image));
  return { paths: r.paths, embedded: [...embeddedHits].sort(), wholeDir: r.wholeDir };
}
