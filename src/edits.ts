// Applying text edits to the original text: everything outside the edits stays byte-for-byte.
import type { TextEdit } from './types';

/** Sorts edits by position (stable for inserts at one offset) and rejects overlaps. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i).map((x) => x.e);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1];
    const cur = sorted[k];
    if (cur.start < prev.end) {
      throw new Error(`overlapping edits at ${prev.start}-${prev.end} and ${cur.start}-${cur.end}`);
    }
  }
  return sorted;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = sortEdits(edits);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end > text.length || e.start > e.end) throw new Error(`bad edit range ${e.start}-${e.end}`);
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}
