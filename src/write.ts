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
  const changedOnDisk = { written: false as const, error: { id: 'write/changed-on-disk' as const, message: 'changed on disk since it was read; not written' } };
  if (seen && (current.mtimeMs !== seen.mtimeMs || current.size !== seen.size)) return changedOnDisk;
  // Same size and mtime is not proof (whole-second mtimes, rsync -t, tar): compare the bytes too.
  try {
    if (!fs.readFileSync(file).equals(Buffer.from(result.original, result.encoding))) return changedOnDisk;
  } catch (err) {
    return { written: false, error: { id: 'write/failed', message: (err as Error).message } };
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
      // Keep owner and group (only possible as root or for one's own files; otherwise leave ours).
      if (current.uid !== process.getuid?.() || current.gid !== process.getgid?.()) {
        try { fs.fchownSync(fd, current.uid, current.gid); } catch { /* not permitted: keep the writer's */ }
      }
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
