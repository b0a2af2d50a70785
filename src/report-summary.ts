// Counting a batch and the one summary line on stderr.
import type { Colors } from './color';
import { plain } from './color';
import type { FileResult, FileStatus } from './types';

export interface Summary { files: number; changed: number; unchanged: number; skipped: number; errors: number }

export function emptySummary(): Summary {
  return { files: 0, changed: 0, unchanged: 0, skipped: 0, errors: 0 };
}

/** Counts one more file (the CLI counts as it streams). */
export function countFile(s: Summary, status: FileStatus): void {
  s.files++;
  if (status === 'changed') s.changed++;
  else if (status === 'unchanged') s.unchanged++;
  else if (status === 'skipped') s.skipped++;
  else s.errors++;
}

export function summarize(results: readonly Pick<FileResult, 'status'>[]): Summary {
  const s = emptySummary();
  for (const r of results) countFile(s, r.status);
  return s;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `3 changed, 12 unchanged, 2 skipped, 1 error (15 files in 84 ms)` */
export function formatSummaryLine(s: Summary, ms: number, c: Colors = plain): string {
  const changed = `${s.changed} changed`;
  const errors = plural(s.errors, 'error');
  return `${s.changed ? c.yellow(changed) : changed}, ${s.unchanged} unchanged, ${s.skipped} skipped, ` +
    `${s.errors ? c.red(errors) : errors} (${plural(s.files, 'file')} in ${Math.round(ms)} ms)`;
}
