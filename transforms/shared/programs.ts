// Which built file a start command runs: an absolute or relative path, or a bare name found on
// the builder's PATH (then the runtime needs that folder on PATH too).
import * as posix from 'path/posix';
import type { Instr } from '../../src/dockerfile';
import { properties } from './instructions';

/**
 * @param lookup the artifact at an absolute image path, or null
 * @returns the artifact and, for a bare name, the PATH folder it was found in
 */
export function resolveProgram<A>(program: string, workdir: string, pathDirs: readonly string[], lookup: (path: string) => A | null): { artifact: A; pathDir: string | null } | null {
  if (program.includes('/')) {
    const a = lookup(posix.resolve(workdir, program));
    return a ? { artifact: a, pathDir: null } : null;
  }
  for (const d of pathDirs) {
    const a = lookup(posix.join(d, program));
    if (a) return { artifact: a, pathDir: d };
  }
  return null;
}

/** Whether the stage's own ENV PATH (repeated in the runtime) already puts `dir` on PATH. */
export function setsPathWith(body: readonly Instr[], dir: string): boolean {
  return body.some((i) => i.keyword === 'ENV' && properties(i).some((p) => p.name === 'PATH' && (p.value ?? '').split(':').includes(dir)));
}
