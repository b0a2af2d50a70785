// Applies a planned rewrite to disk: atomically, keeping the file mode, never through a symlink,
// and never over a file that changed since it was read.
import * as fs from 'fs';
import * as path from 'path';
import type { FileResult } from './types';

export type WriteOutcome =
  | { written: true }
  | { written: false; error?: { id: 'write/changed-on-disk' | 'write/symlink' | 'write/failed'; message: string } };

/** Writes `result.output` to `file` (defaults to result.path) when the file changed; I/O errors become outcomes. */
export function writeResult(result: FileResult, file: string = result.path): WriteOutcome {
  if (result.status !== 'changed' || result.output === result.original) return { written: false };

  let current: fs.Stats;
  try { current = fs.lstatSync(file); } catch (err) {
    return { written: false, error: { id: 'write/failed', message: (err as Error).message } };
  }
  if (current.isSymbolicLink()) {
    return { written: false, error: { id: 'write/symlink', message: 'is a symbolic link; not written through' } };
  }
  const seen = result.stat;
  if (seen && (current.mtimeMs !== seen.mtimeMs || current.size !== seen.size)) {
    return { written: false, error: { id: 'write/changed-on-disk', message: 'changed on disk since it was read; not written' } };
  }

  const mode = (seen?.mode ?? current.mode) & 0o7777;
  // Same folder, so the rename stays on one filesystem and is atomic.
  const tmp = path.join(path.dirname(file),
    `.${path.basename(file)}.stageify-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let created = false;
  try {
    const fd = fs.openSync(tmp, 'wx', 0o600);
    created = true;
    try {
      fs.writeFileSync(fd, Buffer.from(result.output, result.encoding));
      fs.fchmodSync(fd, mode); // after creation, so the umask does not strip bits
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    return { written: true };
  } catch (err) {
    if (created) try { fs.unlinkSync(tmp); } catch { /* already renamed or gone */ }
    return { written: false, error: { id: 'write/failed', message: (err as Error).message } };
  }
}
