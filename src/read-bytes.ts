// Reading whole files with as few system calls as possible: one open, reads into a buffer that is
// reused from file to file, one close. The bytes handed out are a view of that buffer, valid only
// until the next read, so callers decode them at once.
import * as fs from 'fs';

let shared = Buffer.allocUnsafe(64 * 1024);

/**
 * The bytes of an open file, up to `maxBytes`; null when the file is longer. `sizeHint` (from an fstat
 * the caller already made) sizes the buffer; without it the buffer grows as the reads need.
 */
export function readOpenFile(fd: number, maxBytes: number, sizeHint = 0): Buffer | null {
  if (sizeHint + 1 > shared.length) shared = Buffer.allocUnsafe(Math.min(maxBytes, sizeHint) + 1);
  let n = 0;
  for (;;) {
    if (n === shared.length) {
      if (n > maxBytes) return null;
      const bigger = Buffer.allocUnsafe(Math.min(shared.length * 2, maxBytes + 1));
      shared.copy(bigger, 0, 0, n);
      shared = bigger;
    }
    const got = fs.readSync(fd, shared, n, shared.length - n, null);
    if (got === 0) break;
    n += got;
  }
  return n > maxBytes ? null : shared.subarray(0, n);
}

/** A file's text (UTF-8), opened without following links; null when unreadable or longer than maxBytes. */
export function readRegularText(p: string, maxBytes: number): string | null {
  let fd: number;
  try {
    fd = fs.openSync(p, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const bytes = readOpenFile(fd, maxBytes);
    return bytes ? bytes.toString('utf8') : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
