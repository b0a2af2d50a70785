// Folder listings shared by discovery and the build-context reader: a service folder listed while
// looking for Dockerfiles is not listed again when its Dockerfile's context is read. A listing is
// handed out once and then forgotten, and only folders holding a Dockerfile are kept.
import * as fs from 'fs';

const kept = new Map<string, fs.Dirent[]>();
/** Bound on listings waiting for their context read (contexts elsewhere never take theirs). */
const MAX_KEPT = 100_000;

/** Keeps a folder's listing for the context reader. */
export function keepListing(dir: string, entries: fs.Dirent[]): void {
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(dir, entries);
}

/** The listing discovery kept for this folder, if any, without taking it. */
export function peekListing(dir: string): readonly fs.Dirent[] | undefined {
  return kept.get(dir);
}

/** The listing discovery kept for this folder (once), else a fresh one; [] when unreadable. */
export function takeListing(dir: string): fs.Dirent[] {
  const entries = kept.get(dir);
  if (entries) {
    kept.delete(dir);
    return entries;
  }
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
