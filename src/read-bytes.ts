// Reading whole files with as few system calls as possible: one open, reads into a buffer that is
// reused from file to file, one close. The bytes handed out are a view of that buffer, valid only
// until the next read, so callers decode them at once.
import * as fs from 'fs';

let shared = Buffer.allocUnsafe(64 * 1024);

/**
 * The bytes of an open file, up to `maxBytes`; null when the file is longer (with `head`: its first
 * maxBytes bytes). `sizeHint` (from an fstat the caller already made) sizes the buffer; without it
 * the buffer grows as the reads need.
 */
export function readOpenFile(fd: number, maxBytes: number, sizeHint = 0, head = false): Buffer | null {
  if (sizeHint + 1 > shared.length) shared = Buffer.allocUnsafe(Math.min(maxBytes, sizeHint) + 1);
  // One byte past maxBytes is enough to know the file is too long, whatever the buffer's size.
  const limit = head ? maxBytes : maxBytes + 1;
  let n = 0;
  for (;;) {
    if (n === limit) return head ? shared.subarray(0, n) : null;
    if (n === shared.length) {
      const bigger = Buffer.allocUnsafe(Math.min(shared.length * 2, limit));
      shared.copy(bigger, 0, 0, n);
      shared = bigger;
    }
    const got = fs.readSync(fd, shared, n, Math.min(shared.length, limit) - n, null);
    if (got === 0) break;
    n += got;
  }
  return shared.subarray(0, n);
}

/**
 * A file's text (UTF-8), opened without following links and without blocking on a FIFO; null when
 * it cannot be opened or read (a folder, a link) or is longer than maxBytes (with `head`: its first
 * maxBytes bytes). No stat: callers pass files a listing already showed as regular files.
 */
export function readTextNoFollow(p: string, maxBytes: number, head = false): string | null {
  let fd: number;
  try {
    fd = fs.openSync(p, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const bytes = readOpenFile(fd, maxBytes, 0, head);
    return bytes ? bytes.toString('utf8') : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
