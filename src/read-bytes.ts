// Reading whole files with as few system calls as possible: one open, reads into a buffer that is
// reused from file to file, one close. The bytes handed out are a view of that buffer, valid only
// until the next read, so callers decode them at once.
import * as fs from 'fs';
import { decodeBytes } from './text';
import type { Decoded } from './text';

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

/** Opens without following a link and without blocking on a FIFO. */
const NO_FOLLOW = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;

/**
 * A file's bytes (a view of the shared buffer, see above), opened without following links and
 * without blocking on a FIFO; null when it cannot be opened or read (a folder, a link) or is longer
 * than maxBytes (with `head`: its first maxBytes bytes). No stat: callers pass files a listing
 * already showed as regular files.
 */
export function readBytesNoFollow(p: string, maxBytes: number, head = false): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(p, NO_FOLLOW);
  } catch {
    return null;
  }
  try {
    return readOpenFile(fd, maxBytes, 0, head);
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** readBytesNoFollow's bytes as UTF-8 text. */
export function readTextNoFollow(p: string, maxBytes: number, head = false): string | null {
  const bytes = readBytesNoFollow(p, maxBytes, head);
  return bytes ? bytes.toString('utf8') : null;
}

/** A regular file's text, decoded (UTF-8, or latin1 when not valid UTF-8), and what its stat showed. */
export interface RegularText extends Decoded { mtimeMs: number; size: number; mode: number }

/** Why readRegularText gave no text. */
export type NotRead =
  | { kind: 'link' | 'directory' | 'special' | 'too-large' }
  | { kind: 'error'; error: unknown };

/**
 * A regular file's text and stat, from one open that refuses links (no lstat-then-read race) and
 * never blocks on a FIFO; the checks then look at what was opened. Longer than maxBytes, before or
 * while reading: too-large.
 */
export function readRegularText(p: string, maxBytes: number): RegularText | NotRead {
  let fd: number;
  try {
    fd = fs.openSync(p, NO_FOLLOW);
  } catch (error) {
    return (error as { code?: string }).code === 'ELOOP' ? { kind: 'link' } : { kind: 'error', error };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { kind: st.isDirectory() ? 'directory' : 'special' };
    if (st.size > maxBytes) return { kind: 'too-large' };
    const bytes = readOpenFile(fd, maxBytes, st.size);
    if (!bytes) return { kind: 'too-large' };
    const { text, encoding } = decodeBytes(bytes);
    return { text, encoding, mtimeMs: st.mtimeMs, size: st.size, mode: st.mode };
  } catch (error) {
    return { kind: 'error', error };
  } finally {
    fs.closeSync(fd);
  }
}
