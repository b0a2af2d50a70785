// Before a transform reads the build context: the context must hold what the original Dockerfile
// copies from it (else `docker build` of the original fails there too, or the rewrite would be
// planned against the wrong folder), and the transform then sees only the sub-trees it copies, so
// a context of any size costs what the Dockerfile takes from it.
import { missingSources } from './context-infer';
import { scopedContext } from './context';
import type { ContextFS } from './context';
import { contextScope, contextSources } from './copy-sources';
import type { ContextSource } from './copy-sources';
import type { ParsedDockerfile } from './dockerfile';

export type ContextCheck = { ok: true; ctx: ContextFS } | { ok: false; missing: ContextSource };

/**
 * `wholeContext`: the transform may copy sources the file does not name (a base image's ONBUILD
 * triggers), so it sees the whole context. Without a context folder (stdin, in-memory contexts)
 * nothing is checked or scoped.
 */
export function checkContext(
  file: ParsedDockerfile, globals: ReadonlyMap<string, string | undefined>, ctx: ContextFS, hasContext: boolean, wholeContext: boolean,
): ContextCheck {
  if (!hasContext || ctx.root === null) return { ok: true, ctx };
  const found = contextSources(file, globals);
  const missing = missingSources(ctx, found.sources);
  if (missing.length) return { ok: false, missing: missing[0] };
  return { ok: true, ctx: scopedContext(ctx, wholeContext ? [''] : contextScope(file, found)) };
}
