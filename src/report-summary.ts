// Counting a batch and the one summary line on stderr.
import type { Colors } from './color';
import { plain } from './color';
import type { FileResult } from './types';

export interface Summary { files: number; changed: number; unchanged: number; skipped: number; errors: number }

export function summarize(results: readonly FileResult[]): Summary {
  const s: Summary = { files: results.length, changed: 0, unchanged: 0, skipped: 0, errors: 0 };
  for (const r of results) {
    if (r.status === 'changed') s.changed++;
    else if (r.status === 'unchanged') s.unchanged++;
    else if (r.status === 'skipped') s.skipped++;
    else s.errors++;
  }
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
